package org.backmap.md.prepare;

import java.util.List;
import java.util.Map;

/**
 * The record of one input file, as the manifest and the report hold it. Energies are the vacuum energy with the
 * cutoff of the run (kJ/mol).
 *
 * @param input the input path as given
 * @param sha256 the SHA-256 of the input's bytes, hex
 * @param settings {@link PrepareSettings#key()} of the run that prepared it
 * @param status ok or skipped
 * @param skipKind for a skipped file, a short category ({@code unreadable}, {@code unusable}, {@code unrepairable},
 *     {@code diverged}, {@code error}); else {@code null}
 * @param reason for a skipped file, one line saying why; else {@code null}
 * @param output the prepared file's name in the output folder, {@code null} when skipped
 * @param atoms atoms of the prepared structure (0 when skipped before that)
 * @param residues residues of the prepared structure
 * @param energyBefore energy of the repaired, protonated structure; {@code null} when not computed
 * @param energyAfter energy after minimisation; {@code null} when not minimised
 * @param iterations minimisation iterations
 * @param converged whether the minimiser reached its force tolerance
 * @param seconds wall time spent on the file
 * @param repairs number of repairs (rebuilt atoms, split chains, removed residues, ...)
 * @param unrepairable residues still missing heavy atoms after repair (usable as environment only), each named
 * @param histidines the chosen HIS variants by name ({@code HID}, {@code HIE}, {@code HIP})
 */
public record PreparedFile(String input, String sha256, String settings, FileStatus status, String skipKind, String reason,
    String output, int atoms, int residues, Double energyBefore, Double energyAfter, int iterations, boolean converged,
    double seconds, int repairs, List<String> unrepairable, Map<String, Integer> histidines) {
  public PreparedFile {
    unrepairable = unrepairable == null ? List.of() : List.copyOf(unrepairable);
    histidines = histidines == null ? Map.of() : Map.copyOf(histidines);
  }

  /** A skipped file. */
  static PreparedFile skipped(String input, String sha256, String settings, String kind, String reason, double seconds,
      List<String> unrepairable) {
    return new PreparedFile(input, sha256, settings, FileStatus.SKIPPED, kind, reason, null, 0, 0, null, null, 0, false, seconds, 0,
        unrepairable, Map.of());
  }

  /** The same record under another input path (a rerun may name the file differently). */
  PreparedFile withInput(String path) {
    return new PreparedFile(path, sha256, settings, status, skipKind, reason, output, atoms, residues, energyBefore, energyAfter,
        iterations, converged, seconds, repairs, unrepairable, histidines);
  }
}
