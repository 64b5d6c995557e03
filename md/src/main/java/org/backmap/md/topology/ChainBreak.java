package org.backmap.md.topology;

/**
 * Two consecutive residues of a chain that are not peptide-bonded.
 *
 * @param chainId chain identifier
 * @param before label of the residue before the break (number and insertion code)
 * @param after label of the residue after the break
 * @param distance C-N distance in Angstrom, NaN when C or N is missing
 */
public record ChainBreak(String chainId, String before, String after, double distance) {
  @Override
  public String toString() {
    return "chain " + chainId + " break between residues " + before + " and " + after
        + (Double.isNaN(distance) ? " (C or N missing)" : String.format(java.util.Locale.ROOT, " (C-N %.2f A)", distance));
  }
}
