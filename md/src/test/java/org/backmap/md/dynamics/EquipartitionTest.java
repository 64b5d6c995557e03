package org.backmap.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.energy.OpenMmOracle;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;

/**
 * Equipartition in Langevin dynamics of chignolin (300 K, 2 fs, 1/ps, bonds to hydrogen constrained): hydrogens
 * and heavy atoms each carry kT/2 per degree of freedom they keep. A constraint removes a share of a degree of
 * freedom from each of its atoms, about {@code m_other / (m_H + m_X)}: 0.92 from a hydrogen on carbon. The exact
 * shares come from the projector onto the constraint manifold, {@code diag(G^T (G G^T)^-1 G)} per atom, with
 * {@code G} the mass-weighted constraint gradients.
 *
 * <p>Statistics: 10 batch means of the group temperatures (correlated samples); each group within 4 standard
 * errors of the other and of the bath.
 */
class EquipartitionTest {
  private static final double T = 300;

  @Test
  void hydrogensAndHeavyAtomsShareTheKineticEnergyPerDegreeOfFreedom() {
    Structure s = StructureReader.read(OpenMmOracle.structure("1UAO"));
    ForceFieldSystem system = SystemBuilder.build(s);
    ForceFieldEnergy energy = ForceFieldEnergy.of(system, 1);
    double[] x0 = EnergyMinimizer.minimize(energy, SystemBuilder.positionsNm(s), EnergyMinimizer.DEFAULT_TOLERANCE, 0, null).x();
    BondConstraints constraints = new BondConstraints(system.constraints().atoms(), system.constraints().length(), system.masses(),
        BondConstraints.DEFAULT_TOLERANCE);
    LangevinMiddleIntegrator md = new LangevinMiddleIntegrator(energy, constraints, x0, T, 1, 0.002, 31);
    int n = system.atomCount();
    boolean[] hydrogen = new boolean[n];
    for (int i = 0; i < n; i++) {
      hydrogen[i] = system.elements()[i] == Element.H;
    }
    double[] mass = system.masses();
    md.step(1500); // 3 ps from the minimum: the thermostat (1/ps) has refilled the kinetic energy the potential took
    int samples = 700;
    double[] tH = new double[samples], tHeavy = new double[samples], tAll = new double[samples];
    double dofH = 0, dofHeavy = 0, naiveH = 0;
    int projections = 0;
    for (int k = 0; k < samples; k++) {
      md.step(5);
      if (k % 40 == 0) {
        double[] removed = removedDegreesOfFreedom(system, md.positions());
        for (int i = 0; i < n; i++) {
          if (hydrogen[i]) {
            dofH += 3 - removed[i];
          } else {
            dofHeavy += 3 - removed[i];
          }
        }
        projections++;
      }
      double keH = 0, keHeavy = 0;
      double[] v = md.velocities();
      for (int i = 0; i < n; i++) {
        double ke = 0.5 * mass[i] * (v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
        if (hydrogen[i]) {
          keH += ke;
        } else {
          keHeavy += ke;
        }
      }
      tH[k] = keH;
      tHeavy[k] = keHeavy;
      tAll[k] = md.kineticTemperature();
    }
    dofH /= projections;
    dofHeavy /= projections;
    int hydrogens = 0;
    for (boolean h : hydrogen) {
      hydrogens += h ? 1 : 0;
    }
    naiveH = 3.0 * hydrogens;
    double kB = LangevinMiddleIntegrator.BOLTZMANN;
    double[] th = new double[samples], theavy = new double[samples], diff = new double[samples];
    for (int k = 0; k < samples; k++) {
      th[k] = 2 * tH[k] / (dofH * kB);
      theavy[k] = 2 * tHeavy[k] / (dofHeavy * kB);
      diff[k] = th[k] - theavy[k];
    }
    double[] h = SamplingStatistics.batchMean(th, 10);
    double[] heavy = SamplingStatistics.batchMean(theavy, 10);
    double[] d = SamplingStatistics.batchMean(diff, 10);
    double[] all = SamplingStatistics.batchMean(tAll, 10);
    double naive = h[0] * dofH / naiveH;
    System.out.printf(Locale.ROOT, "chignolin equipartition (7 ps after 3 ps): hydrogens %.1f +/- %.1f K on %.1f dof, heavy atoms %.1f +/- %.1f K"
        + " on %.1f dof, difference %.1f +/- %.1f K, all %.1f +/- %.1f K on %d dof (3N - %d constraints);"
        + " hydrogens counted with 3 dof each would read %.1f K%n", h[0], h[1], dofH, heavy[0], heavy[1], dofHeavy, d[0], d[1],
        all[0], all[1], md.degreesOfFreedom(), constraints.count(), naive);
    assertTrue(Math.abs(dofH + dofHeavy - md.degreesOfFreedom()) < 1e-6, "shares add up to 3N - constraints: " + (dofH + dofHeavy));
    assertTrue(Math.abs(d[0]) < 4 * d[1], "hydrogens and heavy atoms at different temperatures: " + d[0] + " +/- " + d[1]);
    assertTrue(Math.abs(h[0] - T) < 4 * h[1], "hydrogen temperature " + h[0] + " +/- " + h[1]);
    assertTrue(Math.abs(heavy[0] - T) < 4 * heavy[1], "heavy-atom temperature " + heavy[0] + " +/- " + heavy[1]);
    assertTrue(Math.abs(all[0] - T) < 4 * all[1], "kinetic temperature " + all[0] + " +/- " + all[1]);
  }

  /** Per atom, the degrees of freedom the constraints remove: {@code diag(G^T (G G^T)^-1 G)} summed over x, y, z. */
  static double[] removedDegreesOfFreedom(ForceFieldSystem system, double[] x) {
    int[] pairs = system.constraints().atoms();
    int nc = pairs.length / 2;
    double[] m = system.masses();
    // rows of G: unit bond vector over sqrt(mass) at atom i, its negative at atom j
    double[][] u = new double[nc][3];
    for (int c = 0; c < nc; c++) {
      int i = pairs[2 * c], j = pairs[2 * c + 1];
      double r = 0;
      for (int k = 0; k < 3; k++) {
        u[c][k] = x[3 * i + k] - x[3 * j + k];
        r += u[c][k] * u[c][k];
      }
      r = Math.sqrt(r);
      for (int k = 0; k < 3; k++) {
        u[c][k] /= r;
      }
    }
    double[][] a = new double[nc][nc];
    for (int c = 0; c < nc; c++) {
      for (int e = 0; e < nc; e++) {
        a[c][e] = gRow(pairs, c, e, u, m);
      }
    }
    double[][] inverse = invert(a);
    double[] removed = new double[system.atomCount()];
    for (int c = 0; c < nc; c++) {
      for (int e = 0; e < nc; e++) {
        if (inverse[c][e] == 0) {
          continue;
        }
        // contribution of G[c, atom] . G[e, atom] for every atom the two constraints share
        for (int p = 0; p < 2; p++) {
          for (int q = 0; q < 2; q++) {
            int atom = pairs[2 * c + p];
            if (atom == pairs[2 * e + q]) {
              double sign = (p == q ? 1 : -1);
              double dot = u[c][0] * u[e][0] + u[c][1] * u[e][1] + u[c][2] * u[e][2];
              removed[atom] += inverse[c][e] * sign * dot / m[atom];
            }
          }
        }
      }
    }
    return removed;
  }

  /** {@code (G G^T)[c][e]}: sum over shared atoms of the two rows' mass-weighted gradients. */
  private static double gRow(int[] pairs, int c, int e, double[][] u, double[] m) {
    double s = 0;
    for (int p = 0; p < 2; p++) {
      for (int q = 0; q < 2; q++) {
        int atom = pairs[2 * c + p];
        if (atom == pairs[2 * e + q]) {
          double sign = p == q ? 1 : -1;
          s += sign * (u[c][0] * u[e][0] + u[c][1] * u[e][1] + u[c][2] * u[e][2]) / m[atom];
        }
      }
    }
    return s;
  }

  /** Gauss-Jordan inverse with partial pivoting of a small symmetric positive-definite matrix. */
  private static double[][] invert(double[][] a) {
    int n = a.length;
    double[][] w = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, w[i], 0, n);
      w[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(w[r][col]) > Math.abs(w[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = w[col];
      w[col] = w[pivot];
      w[pivot] = t;
      double diag = w[col][col];
      for (int k = 0; k < 2 * n; k++) {
        w[col][k] /= diag;
      }
      for (int r = 0; r < n; r++) {
        if (r != col && w[r][col] != 0) {
          double f = w[r][col];
          for (int k = 0; k < 2 * n; k++) {
            w[r][k] -= f * w[col][k];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(w[i], n, inv[i], 0, n);
    }
    return inv;
  }
}
