package org.backmap.backmapping.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.backmap.backmapping.model.BatLayout;
import org.backmap.backmapping.model.ModelConfig;
import org.backmap.backmapping.model.Preset;
import org.backmap.backmapping.model.ResidueModel;

/** Untrained models for decoding tests: the exactness of the bookkeeping does not depend on what models learned. */
public final class RandomModels {
  private RandomModels() {}

  /** Writes a {@link Preset#DEFAULT} model of every type {@code layout} needs under {@code dir}; returns the set. */
  public static ModelSet write(Path dir, ProteinLayout layout) throws IOException {
    DecodePlan plan = DecodePlan.of(layout, DecodeOrder.SEQUENCE, 1);
    for (String type : plan.types()) {
      ResidueModel m = new ResidueModel(ModelConfig.of(Preset.DEFAULT, type, 3));
      if (m.config().conditional()) {
        physical(m);
      }
      m.save(ResidueModel.manifest(dir, type), null);
    }
    return ModelSet.directory(dir);
  }

  /**
   * Untrained conditional models with a base centred on physical bonds (1.5 A) and angles (1.9 rad), narrow (scale
   * 0.018), and nearly uniform torsions: their samples lie in the domain where BAT and Cartesian coordinates are
   * one to one, so scoring the decoded coordinates must give back the same BAT vectors. (The unconditional models
   * keep their random weights: their samples may have negative angles, whose structures rescore differently.)
   */
  static void physical(ResidueModel m) {
    BatLayout layout = BatLayout.of(m.config().type());
    int d = layout.dims();
    for (var e : m.namedParameters().entrySet()) {
      if (e.getKey().endsWith("base.layers.1.weight")) {
        java.util.Arrays.fill(e.getValue().floatData(), 0f);
      } else if (e.getKey().endsWith("base.layers.1.bias")) {
        float[] bias = e.getValue().floatData();
        assertEquals(2 * d, bias.length);
        for (int i = 0; i < d; i++) {
          bias[i] = i < layout.heavyAtoms() ? 1.5f : i < layout.torsionOffset() ? 1.9f : 0f;
          bias[d + i] = -4f;
        }
      }
    }
  }
}
