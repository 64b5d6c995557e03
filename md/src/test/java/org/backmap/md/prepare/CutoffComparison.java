package org.backmap.md.prepare;

import java.nio.file.Path;
import java.util.Locale;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.minimize.MinimizationResult;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;

/**
 * The cutoff measurement of the README ("Preparing training structures"), not a test: per structure file given,
 * the vacuum minimum reached with the prepare cutoff and without cutoff (1,000 iterations at most, one thread),
 * the heavy-atom RMSD between the two minimised structures, both structures' no-cutoff vacuum energies, and the
 * time of one energy evaluation with and without the cutoff. Run with the test classes and {@code backmap.jar}
 * on the class path: {@code java -cp cli/target/backmap.jar:md/target/test-classes org.backmap.md.prepare.CutoffComparison FILE...}.
 */
public final class CutoffComparison {
  private CutoffComparison() {}

  public static void main(String[] args) {
    double cutoff = PrepareSettings.DEFAULT_CUTOFF_NM;
    System.out.println("| structure | atoms | E_nocut(min nocut) | E_nocut(min cutoff) | heavy RMSD (A) | iterations nocut / cutoff | ms/eval nocut | ms/eval cutoff |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (String file : args) {
      PreparedProtein p = PreparedProtein.read(Path.of(file), PreparationOptions.defaults());
      double[] x0 = p.positionsNm();
      ForceFieldEnergy plain = ForceFieldEnergy.vacuum(p.system(), 1);
      ForceFieldEnergy cut = ForceFieldEnergy.vacuum(p.system(), 1, cutoff);
      MinimizationResult a = EnergyMinimizer.minimize(plain, x0, EnergyMinimizer.DEFAULT_TOLERANCE, 1000, null);
      MinimizationResult b = EnergyMinimizer.minimize(cut, x0, EnergyMinimizer.DEFAULT_TOLERANCE, 1000, null);
      int[] heavy = p.heavyAtoms();
      double sum = 0;
      for (int i : heavy) {
        for (int d = 0; d < 3; d++) {
          double dx = a.x()[3 * i + d] - b.x()[3 * i + d];
          sum += dx * dx;
        }
      }
      double rmsdA = 10 * Math.sqrt(sum / heavy.length);
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.3f | %d / %d | %.2f | %.2f |%n", Path.of(file).getFileName(), p.atomCount(),
          plain.energy(a.x()), plain.energy(b.x()), rmsdA, a.iterations(), b.iterations(), msPerEvaluation(plain, a.x()), msPerEvaluation(cut, b.x()));
    }
  }

  private static double msPerEvaluation(ForceFieldEnergy e, double[] x) {
    double[] f = new double[x.length];
    for (int k = 0; k < 5; k++) {
      e.evaluate(x, f);
    }
    int n = 0;
    long start = System.nanoTime();
    while (n < 10 || System.nanoTime() - start < 2_000_000_000L) {
      e.evaluate(x, f);
      n++;
    }
    return (System.nanoTime() - start) / 1e6 / n;
  }
}
