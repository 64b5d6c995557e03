package org.backmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.backmap.md.hydrogens.Completion;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.CloseContacts;
import org.backmap.md.structure.StructureException;

/**
 * Reads a command's input protein and tells the user on stderr what reading chose (model, altlocs, dropped
 * waters and ligands), what repair changed and what completion added.
 */
final class ProteinInput {
  /** Repairs listed one by one before the rest is summarised by a count. */
  private static final int LISTED = 20;

  private ProteinInput() {}

  /**
   * Reads {@code file} as {@code how} says and reports on {@code err}.
   *
   * @param forEnergies whether the protein goes into energies: then atoms closer than 0.5 A are an input error
   *     unless {@code --allow-close-atoms}
   */
  static PreparedProtein read(Path file, PreparationMixin how, boolean forEnergies, PrintWriter err) {
    PreparedProtein protein;
    try {
      protein = PreparedProtein.read(file, how.options());
    } catch (IllegalArgumentException e) {
      if (how.variants.isEmpty()) {
        throw e;
      }
      // a --protonation entry that does not fit the structure (unknown residue, wrong variant)
      throw new picocli.CommandLine.ParameterException(how.command.commandLine(), "--protonation: " + e.getMessage(), e);
    }
    String name = file.getFileName().toString();
    for (String note : protein.notes()) {
      err.printf("%s: note: %s%n", name, note);
    }
    for (String state : protein.protonation().lines()) {
      err.printf("%s: protonation: %s%n", name, state);
    }
    List<String> repairs = protein.repairs();
    for (int i = 0; i < Math.min(LISTED, repairs.size()); i++) {
      err.printf("%s: repaired: %s%n", name, repairs.get(i));
    }
    if (repairs.size() > LISTED) {
      err.printf("%s: repaired: ... and %d more (backmap check -i %s lists them all)%n", name, repairs.size() - LISTED, file);
    }
    Completion c = protein.completion();
    if (c.addedHydrogens() > 0 || c.addedTerminalOxygens() > 0) {
      err.printf("%s: added %d hydrogens and %d terminal oxygens%n", name, c.addedHydrogens(), c.addedTerminalOxygens());
    }
    err.flush();
    if (forEnergies && !how.allowCloseAtoms) {
      List<CloseContacts.Contact> close = protein.closeContacts().stream().filter(CloseContacts.Contact::heavy).toList();
      protein.closeContacts().stream().filter(contact -> !contact.heavy()).limit(LISTED)
          .forEach(contact -> err.printf("%s: note: %s (a hydrogen: minimisation moves it)%n", name, contact));
      if (!close.isEmpty()) {
        throw new StructureException(name, close.getFirst() + (close.size() > 1 ? " (and " + (close.size() - 1) + " more pairs)" : "")
            + "; atoms this close make energies meaningless (--allow-close-atoms goes on anyway)");
      }
    }
    return protein;
  }
}
