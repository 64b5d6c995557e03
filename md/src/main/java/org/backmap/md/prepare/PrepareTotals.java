package org.backmap.md.prepare;

import java.util.List;

/**
 * Totals over the files of a run.
 *
 * @param files input files of the run
 * @param finished files with a record (all of them unless the run was stopped)
 * @param prepared files prepared and written
 * @param skipped files skipped
 * @param resumed files whose record came from the manifest of an earlier run
 * @param atoms atoms of the prepared files
 * @param residues residues of the prepared files
 * @param iterations minimisation iterations of the prepared files
 * @param fileSeconds time spent on the finished files, summed over files (each file on one thread)
 * @param wallSeconds wall time of this run
 */
public record PrepareTotals(int files, int finished, int prepared, int skipped, int resumed, long atoms, long residues, long iterations,
    double fileSeconds, double wallSeconds) {

  static PrepareTotals of(int files, List<PreparedFile> records, int resumed, double wallSeconds) {
    int prepared = 0, skipped = 0;
    long atoms = 0, residues = 0, iterations = 0;
    double seconds = 0;
    for (PreparedFile r : records) {
      if (r.status() == FileStatus.OK) {
        prepared++;
        atoms += r.atoms();
        residues += r.residues();
        iterations += r.iterations();
      } else {
        skipped++;
      }
      seconds += r.seconds();
    }
    return new PrepareTotals(files, records.size(), prepared, skipped, resumed, atoms, residues, iterations, seconds, wallSeconds);
  }

  /** File seconds per prepared residue (one thread), {@code NaN} when none. */
  public double secondsPerResidue() {
    return residues == 0 ? Double.NaN : fileSeconds / residues;
  }
}
