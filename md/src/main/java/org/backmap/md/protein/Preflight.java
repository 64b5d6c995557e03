package org.backmap.md.protein;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backmap.md.structure.CloseContacts;
import org.backmap.md.structure.StructureException;

/**
 * Whether a structure file can be used: read and repaired, parameterised, mapped to CG, free of overlapping heavy
 * atoms (a hydrogen too close to another atom is a note: minimisation moves it) and, if asked, with a finite energy. Never throws for a bad file: what is wrong comes back as problems.
 */
public final class Preflight {
  /** The verdict. */
  public enum Status {
    /** Usable as it is (hydrogen completion aside). */
    AS_IS,
    /** Usable after the listed repairs. */
    AFTER_REPAIR,
    /** Cannot be used; the problems say why. */
    UNUSABLE
  }

  /**
   * What the check found.
   *
   * @param file the file
   * @param status the verdict
   * @param problems what makes it unusable, each one line naming file, residue and atom
   * @param repairs what repair changed
   * @param notes what reading chose or left out (models, altlocs, waters, ligands)
   * @param protonation the non-default protonation states chosen, with their reasons
   * @param atoms atoms after completion (0 when it could not be read)
   * @param energy the AMBER14SB + GBn2 energy (kJ/mol) when asked for and computed, else NaN
   */
  public record Result(Path file, Status status, List<String> problems, List<String> repairs, List<String> notes,
      List<String> protonation, int atoms, double energy) {}

  private Preflight() {}

  /**
   * Checks {@code file}.
   *
   * @param energyThreads threads for an energy evaluation, or 0 to skip it
   */
  public static Result check(Path file, PreparationOptions options, int energyThreads) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    List<String> problems = new ArrayList<>();
    PreparedProtein protein;
    try {
      protein = PreparedProtein.read(file, options);
    } catch (StructureException | java.io.UncheckedIOException e) {
      return new Result(file, Status.UNUSABLE, List.of(message(e)), List.of(), List.of(), List.of(), 0, Double.NaN);
    }
    for (Runnable use : List.<Runnable>of(protein::system, protein::cg)) {
      try {
        use.run();
      } catch (StructureException e) {
        problems.add(e.getMessage());
      }
    }
    List<String> notes = new ArrayList<>(protein.notes());
    for (CloseContacts.Contact c : protein.closeContacts()) {
      if (c.heavy()) {
        problems.add(name + ": " + c);
      } else {
        notes.add(c + " (minimisation moves the hydrogen)");
      }
    }
    double energy = Double.NaN;
    if (energyThreads > 0 && problems.isEmpty()) {
      energy = protein.energy(energyThreads).energy(protein.positionsNm());
      if (!Double.isFinite(energy)) {
        problems.add(name + ": the energy is not finite (" + energy + ")");
      }
    }
    Status status = !problems.isEmpty() ? Status.UNUSABLE : protein.repairs().isEmpty() ? Status.AS_IS : Status.AFTER_REPAIR;
    return new Result(file, status, problems, protein.repairs(), notes, protein.protonation().lines(), protein.atomCount(), energy);
  }

  private static String message(RuntimeException e) {
    String m = e.getMessage();
    Throwable cause = e.getCause();
    if (e instanceof java.io.UncheckedIOException && cause instanceof java.nio.file.NoSuchFileException) {
      return m + ": does not exist";
    }
    return cause != null && cause.getMessage() != null && !m.contains(cause.getMessage()) ? m + ": " + cause.getMessage() : m;
  }

  /**
   * The kind of a problem, for tallies over many files: the message without the file name, residue numbers,
   * atom names and numbers, e.g. {@code "unknown residue XYZ"} or {@code "atoms closer than 0.5 A"}.
   */
  public static String kind(String problem) {
    String p = problem.replaceFirst("^[^:]*: ", "");
    if (p.contains(" A apart")) {
      return "atoms closer than 0.5 A";
    }
    p = p.replaceFirst("^chain \\S*\\s*residue \\S+ \\S+( atom \\S+)?: ", "")
        .replaceAll("line \\d+ \\([^)]*\\)", "line N")
        .replaceAll("\\b-?\\d+(\\.\\d+)?\\b", "#").strip();
    return p.startsWith(": ") ? p.substring(2) : p;
  }
}
