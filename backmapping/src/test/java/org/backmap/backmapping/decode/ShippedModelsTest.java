package org.backmap.backmapping.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.base.io.Sha256;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;
import org.junit.jupiter.api.Test;

/** The models shipped in the jar: listed in their manifest, loadable, and decoding chignolin with sound bonds. */
class ShippedModelsTest {

  @Test
  void everyModelOfTheManifestLoadsWithItsHash() throws Exception {
    ModelSet shipped = ModelSet.shipped();
    JsonNode manifest = new ObjectMapper().readTree(Files.readAllBytes(shipped.dir().resolve("manifest.json")));
    JsonNode types = manifest.get("types");
    assertTrue(types.size() >= 26, "a model per type with data, got " + types.size());
    long bytes = 0;
    for (var it = types.fieldNames(); it.hasNext(); ) {
      String type = it.next();
      ResidueModel m = shipped.get(type);
      assertEquals(type, m.config().type());
      Path file = ResidueModel.manifest(shipped.dir(), type);
      assertEquals(types.get(type).get("files").get("model.json").asText(), Sha256.of(file), type);
      try (var files = Files.list(file.getParent())) {
        for (Path p : files.toList()) {
          bytes += Files.size(p);
        }
      }
    }
    assertTrue(bytes < 40L * 1024 * 1024, bytes + " bytes of models");
    // the bead's Laplace scale of every evaluated type ships with the models (reweighting's encoding probability)
    var scales = shipped.laplaceScales();
    for (String type : new String[] {"GLY", "TYR", "ASP", "PRO", "GLU", "THR", "TRP", "LEU"}) {
      assertEquals(types.get(type).get("laplaceScaleAngstrom").asDouble(), scales.get(type), 0, type);
      assertTrue(scales.get(type) > 0 && scales.get(type) < 3, type + " " + scales.get(type));
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> shipped.get("XYZ"));
    assertTrue(e.getMessage().contains("XYZ"), e.getMessage());
  }

  @Test
  void chignolinDecodesWithBondsWithinTenPercentOfTheDeposited() throws Exception {
    PreparedProtein chignolin = PreparedProtein.read(DecoderTest.resource("/structures/1UAO.pdb"));
    ProteinLayout layout = new ProteinLayout(chignolin.cg(), TemplateLibrary.ff14SB());
    DecodedSamples d = new Decoder(ModelSet.shipped()).decode(layout, DecodePlan.of(layout, DecodeOrder.SEQUENCE, 1), 8, Rng.seeded(1));
    double[] ref = layout.coordinatesOf(chignolin.structure());
    int bonds = 0;
    int good = 0;
    for (int s = 0; s < d.size(); s++) {
      assertTrue(Double.isFinite(d.logProb()[s]) && d.logProb()[s] > -1e4, "log P " + d.logProb()[s]);
      double[] x = d.coordinates()[s];
      for (int i = 0; i < layout.residues(); i++) {
        for (int a = layout.firstAtom(i); a < layout.firstAtom(i + 1); a++) {
          for (int b = a + 1; b < layout.firstAtom(i + 1); b++) {
            double r0 = dist(ref, a, b);
            if (r0 < (layout.isCg(a) && layout.isCg(b) ? 0 : 1.7)) { // bonded in the deposited structure, decoded
              bonds++;
              if (Math.abs(dist(x, a, b) / r0 - 1) <= 0.1) {
                good++;
              }
            }
          }
        }
      }
    }
    assertTrue(bonds >= 8 * 80, bonds + " bonds (chignolin: 89 decoded bonds within residues per structure)");
    assertTrue(good >= 0.99 * bonds, good + " of " + bonds + " decoded bonds within 10 % of the deposited lengths");
  }

  private static double dist(double[] x, int a, int b) {
    double dx = x[3 * a] - x[3 * b];
    double dy = x[3 * a + 1] - x[3 * b + 1];
    double dz = x[3 * a + 2] - x[3 * b + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
