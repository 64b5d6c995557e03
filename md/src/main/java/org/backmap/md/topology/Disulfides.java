package org.backmap.md.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backmap.md.structure.Residue;

/**
 * Finds disulfide bonds from geometry: a cysteine SG pairs with the nearest other SG within
 * {@link Topology#MAX_DISULFIDE} when that SG's nearest is this one too (as OpenMM's
 * {@code createDisulfideBonds}). A cysteine that carries HG is a thiol and never a candidate (OpenMM's rule too):
 * two thiols whose sulfurs come close, e.g. around a metal site or in a clash, stay CYS.
 */
public final class Disulfides {
  private Disulfides() {}

  /**
   * For each residue of {@code residues} (all chains, in order), the index of its disulfide partner, or -1.
   */
  public static int[] partners(List<Residue> residues) {
    int[] partner = new int[residues.size()];
    Arrays.fill(partner, -1);
    List<Integer> cys = new ArrayList<>();
    for (int i = 0; i < residues.size(); i++) {
      if (residues.get(i).name().equals("CYS") && residues.get(i).has("SG") && !residues.get(i).has("HG")) {
        cys.add(i);
      }
    }
    Map<Integer, Integer> nearest = new HashMap<>();
    for (int i : cys) {
      double best = Topology.MAX_DISULFIDE;
      for (int j : cys) {
        double d = j == i ? Double.MAX_VALUE : residues.get(i).atom("SG").distance(residues.get(j).atom("SG"));
        if (d < best) {
          best = d;
          nearest.put(i, j);
        }
      }
    }
    nearest.forEach((i, j) -> {
      if (nearest.get(j) != null && nearest.get(j).equals(i)) {
        partner[i] = j;
      }
    });
    return partner;
  }
}
