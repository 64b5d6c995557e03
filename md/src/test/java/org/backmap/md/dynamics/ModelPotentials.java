package org.backmap.md.dynamics;

import java.util.Arrays;
import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.EnergyComponent;

/**
 * Potentials of many independent particles or molecules with an exactly known Boltzmann density, for checking
 * what the integrator samples. Their energy is booked as {@link EnergyComponent#BOND}.
 */
final class ModelPotentials {
  private ModelPotentials() {}

  /**
   * {@code n} independent particles of mass {@code mass}, each in {@code U = h ((x/a)^2 - 1)^2 + k/2 (y^2 + z^2)}:
   * a double well along x (minima at +-a, barrier h), harmonic across.
   */
  record DoubleWell(int n, double mass, double h, double a, double k) implements DynamicsPotential {
    double energyX(double x) {
      double s = (x / a) * (x / a) - 1;
      return h * s * s;
    }

    @Override
    public double[] masses() {
      double[] m = new double[n];
      Arrays.fill(m, mass);
      return m;
    }

    @Override
    public EnergyBreakdown evaluate(double[] x, double[] forces) {
      double u = 0;
      for (int i = 0; i < n; i++) {
        double px = x[3 * i], py = x[3 * i + 1], pz = x[3 * i + 2];
        double s = (px / a) * (px / a) - 1;
        u += h * s * s + 0.5 * k * (py * py + pz * pz);
        forces[3 * i] = -4 * h * s * px / (a * a);
        forces[3 * i + 1] = -k * py;
        forces[3 * i + 2] = -k * pz;
      }
      EnergyBreakdown e = new EnergyBreakdown();
      e.add(EnergyComponent.BOND, u);
      return e;
    }

    /** All particles at {@code (x0, 0, 0)}. */
    double[] start(double x0) {
      double[] x = new double[3 * n];
      for (int i = 0; i < n; i++) {
        x[3 * i] = x0;
      }
      return x;
    }
  }

  /**
   * {@code n} independent diatomics: atom A (even index, mass {@code massA}) tethered to the origin by
   * {@code kTether/2 |r_A|^2}, atom B (odd index, mass {@code massB}) pulled along z by the constant force
   * {@code pull}, {@code U = -pull z_B}; the A-B distance is constrained to {@code length}. With
   * {@code z_B = z_A + length cos(theta)} the Boltzmann density factorises: r_A is Gaussian about
   * {@code (0, 0, pull/kTether)} with variance {@code kT/kTether} per axis, and {@code cos(theta)} has density
   * proportional to {@code exp(beta pull length cos(theta))} on [-1, 1] (one distance constraint has a constant
   * metric factor, so no Fixman correction).
   */
  record PulledDumbbell(int n, double massA, double massB, double kTether, double pull, double length)
      implements DynamicsPotential {
    @Override
    public double[] masses() {
      double[] m = new double[2 * n];
      for (int i = 0; i < n; i++) {
        m[2 * i] = massA;
        m[2 * i + 1] = massB;
      }
      return m;
    }

    @Override
    public EnergyBreakdown evaluate(double[] x, double[] forces) {
      double u = 0;
      for (int i = 0; i < n; i++) {
        int a = 6 * i, b = a + 3;
        u += 0.5 * kTether * (x[a] * x[a] + x[a + 1] * x[a + 1] + x[a + 2] * x[a + 2]) - pull * x[b + 2];
        for (int d = 0; d < 3; d++) {
          forces[a + d] = -kTether * x[a + d];
          forces[b + d] = 0;
        }
        forces[b + 2] = pull;
      }
      EnergyBreakdown e = new EnergyBreakdown();
      e.add(EnergyComponent.BOND, u);
      return e;
    }

    BondConstraints constraints() {
      int[] atoms = new int[2 * n];
      double[] lengths = new double[n];
      for (int i = 0; i < n; i++) {
        atoms[2 * i] = 2 * i;
        atoms[2 * i + 1] = 2 * i + 1;
        lengths[i] = length;
      }
      return new BondConstraints(atoms, lengths, masses(), BondConstraints.DEFAULT_TOLERANCE);
    }

    /** A at the origin, B at distance {@code length} along x (perpendicular to the pull). */
    double[] start() {
      double[] x = new double[6 * n];
      for (int i = 0; i < n; i++) {
        x[6 * i + 3] = length;
      }
      return x;
    }
  }

  /** A constant force on every coordinate: {@code U = -sum f_k x_k}. */
  record ConstantForce(double[] masses, double[] force) implements DynamicsPotential {
    @Override
    public EnergyBreakdown evaluate(double[] x, double[] forces) {
      double u = 0;
      for (int k = 0; k < x.length; k++) {
        u -= force[k] * x[k];
        forces[k] = force[k];
      }
      EnergyBreakdown e = new EnergyBreakdown();
      e.add(EnergyComponent.BOND, u);
      return e;
    }
  }
}
