package org.backmap.backmapping.decode;

/**
 * Decoded (or scored) all-atom structures of one CG structure and their exact log-probabilities under the models.
 *
 * <p>{@code log P(r | R)} of sample s is {@code logProb[s]}, the sum over the plan's steps of
 * {@code log p(bat | environment) + log |det J|}: the density of the Cartesian coordinates of the decoded atoms
 * (Angstrom; the BAT density's bonds in Angstrom and angles in radians, the Jacobian of the exact BAT to Cartesian
 * map), given the CG structure.
 *
 * @param plan the steps, in order
 * @param coordinates per sample, all atoms of the {@link ProteinLayout}, Angstrom
 * @param logProb per sample, the total log-probability
 * @param stepLogProb per sample and step, {@code log p(bat | env)}
 * @param stepLogDetJacobian per sample and step, {@code log |det J|} of the step's BAT to Cartesian map
 */
public record DecodedSamples(DecodePlan plan, double[][] coordinates, double[] logProb, double[][] stepLogProb,
    double[][] stepLogDetJacobian) {

  /** Number of samples. */
  public int size() {
    return logProb.length;
  }

  /** Per residue of the layout ({@code residues} of them), the log-probability of its groups in sample {@code s}. */
  public double[] residueLogProb(int s, int residues) {
    double[] out = new double[residues];
    for (int k = 0; k < plan.steps().size(); k++) {
      out[plan.steps().get(k).residue()] += stepLogProb[s][k] + stepLogDetJacobian[s][k];
    }
    return out;
  }
}
