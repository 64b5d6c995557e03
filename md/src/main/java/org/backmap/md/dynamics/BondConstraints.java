package org.backmap.md.dynamics;

/**
 * Fixed-length distance constraints (all bonds to hydrogen), enforced on positions by SHAKE (Ryckaert, Ciccotti
 * and Berendsen, J. Comput. Phys. 23, 327 (1977)) and on velocities by the RATTLE velocity step (Andersen,
 * J. Comput. Phys. 52, 24 (1983)), both iterated until every constraint holds to the relative tolerance.
 */
public final class BondConstraints {
  /** Default relative tolerance of constrained distances. */
  public static final double DEFAULT_TOLERANCE = 1e-8;
  private static final int MAX_ITERATIONS = 1000;

  private final int[] atoms;
  private final double[] length;
  private final double[] inverseMass;
  private final double tolerance;

  /**
   * @param atoms flat constrained atom pairs
   * @param length constrained distances (nm)
   * @param masses atom masses (Da)
   * @param tolerance relative tolerance of each distance
   */
  public BondConstraints(int[] atoms, double[] length, double[] masses, double tolerance) {
    this.atoms = atoms.clone();
    this.length = length.clone();
    this.inverseMass = new double[masses.length];
    for (int i = 0; i < masses.length; i++) {
      inverseMass[i] = 1 / masses[i];
    }
    this.tolerance = tolerance;
  }

  /** Number of constraints. */
  public int count() {
    return length.length;
  }

  /**
   * SHAKE: moves {@code x} so every constraint holds, along the constraint directions of {@code reference}
   * (the positions before the unconstrained update).
   *
   * @param reference positions that satisfy the constraints (not modified)
   * @param x positions to correct (modified)
   */
  public void constrainPositions(double[] reference, double[] x) {
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      boolean done = true;
      for (int c = 0; c < length.length; c++) {
        int i = atoms[2 * c], j = atoms[2 * c + 1];
        double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
        double d2 = length[c] * length[c];
        double diff = d2 - (dx * dx + dy * dy + dz * dz);
        if (Math.abs(diff) > 2 * tolerance * d2) {
          done = false;
          double rx = reference[3 * i] - reference[3 * j], ry = reference[3 * i + 1] - reference[3 * j + 1], rz = reference[3 * i + 2] - reference[3 * j + 2];
          double dot = rx * dx + ry * dy + rz * dz;
          if (dot < 1e-6 * d2) {
            throw new IllegalStateException("SHAKE failed: constraint " + i + "-" + j + " rotated too far in one step");
          }
          double g = diff / (2 * (inverseMass[i] + inverseMass[j]) * dot);
          x[3 * i] += g * inverseMass[i] * rx;
          x[3 * i + 1] += g * inverseMass[i] * ry;
          x[3 * i + 2] += g * inverseMass[i] * rz;
          x[3 * j] -= g * inverseMass[j] * rx;
          x[3 * j + 1] -= g * inverseMass[j] * ry;
          x[3 * j + 2] -= g * inverseMass[j] * rz;
        }
      }
      if (done) {
        return;
      }
    }
    throw new IllegalStateException("SHAKE did not converge in " + MAX_ITERATIONS + " iterations");
  }

  /**
   * RATTLE velocity step: removes from {@code v} the relative velocity along each constraint of {@code x}, so
   * that {@code (v_i - v_j) . (x_i - x_j) = 0}.
   */
  public void constrainVelocities(double[] x, double[] v) {
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      boolean done = true;
      for (int c = 0; c < length.length; c++) {
        int i = atoms[2 * c], j = atoms[2 * c + 1];
        double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
        double vx = v[3 * i] - v[3 * j], vy = v[3 * i + 1] - v[3 * j + 1], vz = v[3 * i + 2] - v[3 * j + 2];
        double d2 = dx * dx + dy * dy + dz * dz;
        double dot = dx * vx + dy * vy + dz * vz;
        // |relative velocity along the bond| per unit length, compared with the tolerance (1/ps scale)
        if (Math.abs(dot) > tolerance * d2) {
          done = false;
          double k = dot / ((inverseMass[i] + inverseMass[j]) * d2);
          v[3 * i] -= k * inverseMass[i] * dx;
          v[3 * i + 1] -= k * inverseMass[i] * dy;
          v[3 * i + 2] -= k * inverseMass[i] * dz;
          v[3 * j] += k * inverseMass[j] * dx;
          v[3 * j + 1] += k * inverseMass[j] * dy;
          v[3 * j + 2] += k * inverseMass[j] * dz;
        }
      }
      if (done) {
        return;
      }
    }
    throw new IllegalStateException("RATTLE velocity step did not converge in " + MAX_ITERATIONS + " iterations");
  }

  /** The largest relative deviation {@code |r - r0|/r0} over all constraints of {@code x}. */
  public double maxRelativeError(double[] x) {
    double worst = 0;
    for (int c = 0; c < length.length; c++) {
      int i = atoms[2 * c], j = atoms[2 * c + 1];
      double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
      worst = Math.max(worst, Math.abs(Math.sqrt(dx * dx + dy * dy + dz * dz) - length[c]) / length[c]);
    }
    return worst;
  }
}
