package org.backmap.backmapping.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.dataset.ResidueType;

/**
 * The steps that decode a CG structure, in order: the unconditional groups first (N-terminal hydrogens, then
 * glycines), then the other side chains in the {@link DecodeOrder}. The log-probability of a decoded structure is
 * the sum over these steps, each conditioned on everything decoded before it, so the order is part of the model.
 */
public record DecodePlan(DecodeOrder order, long seed, List<DecodeStep> steps) {

  /** Copies the steps. */
  public DecodePlan {
    steps = List.copyOf(steps);
  }

  /** The plan for {@code layout}; {@code seed} draws the permutation of {@link DecodeOrder#RANDOM}. */
  public static DecodePlan of(ProteinLayout layout, DecodeOrder order, long seed) {
    List<DecodeStep> terminal = new ArrayList<>();
    List<DecodeStep> glycine = new ArrayList<>();
    List<DecodeStep> sideChains = new ArrayList<>();
    for (int i = 0; i < layout.residues(); i++) {
      var t = layout.template(i);
      for (BatGroup g : BatGroup.values()) {
        if (!ZMatrix.exists(t, g)) {
          continue;
        }
        ZMatrix z = layout.zMatrix(i, g);
        if (z.placedCount() == 0) {
          continue;
        }
        String type = ResidueType.of(t, g);
        DecodeStep step = new DecodeStep(i, g, type, z, layout.indices(i, z));
        if (g == BatGroup.N_TERMINAL_HYDROGENS) {
          terminal.add(step);
        } else if (ResidueType.UNCONDITIONAL.contains(type)) {
          glycine.add(step);
        } else {
          sideChains.add(step);
        }
      }
    }
    if (order == DecodeOrder.RANDOM) {
      java.util.Collections.shuffle(sideChains, new SplittableRandom(seed));
    }
    List<DecodeStep> all = new ArrayList<>(terminal);
    all.addAll(glycine);
    all.addAll(sideChains);
    return new DecodePlan(order, seed, all);
  }

  /** The residue types the plan needs a model of, in order of first use. */
  public List<String> types() {
    return steps.stream().map(DecodeStep::type).distinct().toList();
  }
}
