package org.backmap.backmapping.report;

import java.util.List;

/**
 * The evaluation of one residue type's model on the validation examples.
 *
 * @param type residue type
 * @param preset the model's preset
 * @param dims degrees of freedom: the BAT vector's length
 * @param examples validation examples evaluated
 * @param nllPerExample mean negative log-likelihood (nats per example; bonds in Angstrom, angles in radians)
 * @param nllPerDof {@code nllPerExample / dims}
 * @param environmentGain how much the environment informs the model: the mean NLL when each example is scored with
 *     another example's environment description (the next one in its batch) minus the mean NLL with its own, nats
 *     per example (about 0 for a model that ignores its environment; NaN for unconditional types)
 * @param chis one entry per side-chain torsion of the type (none for ALA, GLY, Nterm, NPRO)
 * @param bead the bead deviation of generated side chains, or null ({@link #beadNote} says why)
 * @param beadNote why there is no bead deviation, or null
 * @param environments chi1 spread in each chosen environment (empty without chi1)
 * @param plots the type's PNG files, relative to the report folder
 * @param seconds wall time of the type's evaluation
 */
public record TypeEvaluation(String type, String preset, int dims, long examples, double nllPerExample,
    double nllPerDof, double environmentGain, List<ChiDivergence> chis, BeadDeviation bead, String beadNote,
    List<EnvironmentSpread> environments, List<String> plots, double seconds) {

  /** The divergence of {@code chiName} ({@code chi1} ...), or null when the type has no such torsion. */
  public ChiDivergence chi(String chiName) {
    return chis.stream().filter(c -> c.name().equals(chiName)).findFirst().orElse(null);
  }
}
