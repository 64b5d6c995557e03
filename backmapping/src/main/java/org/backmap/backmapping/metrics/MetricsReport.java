package org.backmap.backmapping.metrics;

/**
 * The quality figures of a set of generated structures against their reference ({@link StructureMetrics}); a
 * record that Jackson writes as it is.
 *
 * @param reference the reference's source (file name)
 * @param structures number of generated structures
 * @param residues residues per structure
 * @param options the settings used
 * @param allAtoms the figures over all atoms
 * @param heavyAtoms the figures over heavy atoms only
 */
public record MetricsReport(String reference, int structures, int residues, MetricsOptions options, Scores allAtoms,
    Scores heavyAtoms) {

  /**
   * The figures over one set of atoms (all, or heavy only).
   *
   * @param atoms atoms per structure in the set
   * @param bonds bonds per structure between two atoms of the set
   * @param bondScore fraction of the bonds of all structures whose length is within the tolerance of the reference's
   *     (NaN without bonds)
   * @param clashScore fraction of residues with a side-chain atom of the set closer than the clash distance to an atom
   *     of the set in another residue, averaged over the structures
   * @param diversity the diversity score of the whole generated set, {@code 1 - meanPairwiseRmsd / meanReferenceRmsd}
   *     (1 when every structure equals the reference)
   * @param diversityMean the mean of the diversity score over the bootstrap resamples
   * @param diversityStd its standard deviation over the resamples (denominator resamples - 1; 0 with one resample)
   * @param meanPairwiseRmsd mean RMSD (Angstrom, no superposition) over the pairs of distinct generated structures
   * @param meanReferenceRmsd mean RMSD (Angstrom, no superposition) of the generated structures to the reference
   */
  public record Scores(int atoms, int bonds, double bondScore, double clashScore, double diversity, double diversityMean,
      double diversityStd, double meanPairwiseRmsd, double meanReferenceRmsd) {}
}
