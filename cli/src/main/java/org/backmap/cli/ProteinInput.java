package org.backmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.backmap.md.hydrogens.Completion;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;

/** Reads a command's input protein and tells the user, on stderr, what completion added. */
final class ProteinInput {
  private ProteinInput() {}

  /** Reads {@code file} with {@code options}; notes go to {@code err}. */
  static PreparedProtein read(Path file, PreparationOptions options, PrintWriter err) {
    PreparedProtein protein = PreparedProtein.read(file, options);
    Completion c = protein.completion();
    if (c.addedHydrogens() > 0 || c.addedTerminalOxygens() > 0) {
      err.printf("%s: added %d hydrogens and %d terminal oxygens%n", file, c.addedHydrogens(), c.addedTerminalOxygens());
      err.flush();
    }
    return protein;
  }

  /** Reads {@code file} with the default options. */
  static PreparedProtein read(Path file, PrintWriter err) {
    return read(file, PreparationOptions.defaults(), err);
  }
}
