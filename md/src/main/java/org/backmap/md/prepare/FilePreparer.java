package org.backmap.md.prepare;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.minimize.MinimizationDivergedException;
import org.backmap.md.minimize.MinimizationResult;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.protonation.ProtonationDecision;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;

/** Prepares one file: repair, protonation, vacuum minimisation on one thread, the prepared file written atomically. */
final class FilePreparer {
  private final PrepareSettings settings;
  private final PreparationOptions options;

  FilePreparer(PrepareSettings settings) {
    this.settings = settings;
    this.options = PreparationOptions.defaults().withPh(settings.pH());
  }

  /**
   * Prepares {@code input} into {@code outDir} under the name {@code stem} plus the format's extension. Never
   * throws for a bad input: the record says why it was skipped.
   */
  PreparedFile prepare(Path input, String sha256, Path outDir, String stem) {
    long start = System.nanoTime();
    String name = input.toString();
    String key = settings.key();
    PreparedProtein protein;
    try {
      protein = PreparedProtein.read(input, options);
    } catch (StructureException | UncheckedIOException | IllegalArgumentException e) {
      return PreparedFile.skipped(name, sha256, key, "unreadable", oneLine(e), seconds(start), List.of());
    } catch (RuntimeException e) {
      return PreparedFile.skipped(name, sha256, key, "error", oneLine(e), seconds(start), List.of());
    }
    List<String> unrepairable = protein.completion().residuesWithMissingHeavyAtoms().stream()
        .map(r -> r.label() + " (missing " + String.join(" ", r.missingHeavyAtoms()) + ")").toList();
    if (!unrepairable.isEmpty()) {
      return PreparedFile.skipped(name, sha256, key, "unrepairable", "residues that cannot be repaired: " + String.join(", ", unrepairable),
          seconds(start), unrepairable);
    }
    try {
      ForceFieldEnergy energy = ForceFieldEnergy.vacuum(protein.system(), 1, settings.cutoffNm());
      double[] x = protein.positionsNm();
      double before = energy.energy(x);
      Double after = null;
      int iterations = 0;
      boolean converged = false;
      if (settings.minimize()) {
        MinimizationResult r = EnergyMinimizer.minimize(energy, x, settings.tolerance(), settings.maxIterations(), null);
        x = r.x();
        after = r.value();
        iterations = r.iterations();
        converged = r.converged();
      }
      Structure prepared = protein.withPositionsNm(x);
      OutputFormat format = OutputFormat.of(prepared);
      String output = format.fileName(stem);
      format.write(prepared, outDir.resolve(output));
      return new PreparedFile(name, sha256, key, FileStatus.OK, null, null, output, prepared.atomCount(), prepared.residueCount(), before,
          after, iterations, converged, seconds(start), protein.repairs().size(), List.of(), histidines(protein));
    } catch (MinimizationDivergedException e) {
      return PreparedFile.skipped(name, sha256, key, "diverged", oneLine(e), seconds(start), List.of());
    } catch (StructureException | IllegalArgumentException e) {
      return PreparedFile.skipped(name, sha256, key, "unusable", oneLine(e), seconds(start), List.of());
    } catch (UncheckedIOException e) {
      throw e; // the output folder failed: not the input's fault, so the run stops
    } catch (RuntimeException e) {
      return PreparedFile.skipped(name, sha256, key, "error", oneLine(e), seconds(start), List.of());
    }
  }

  private static Map<String, Integer> histidines(PreparedProtein protein) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ProtonationDecision d : protein.protonation().decisions()) {
      if (d.variant().startsWith("HI")) {
        counts.merge(d.variant(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (!(e instanceof StructureException || e instanceof MinimizationDivergedException || e instanceof IllegalArgumentException
        || e instanceof UncheckedIOException)) {
      message = e.getClass().getSimpleName() + ": " + message;
    }
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

}
