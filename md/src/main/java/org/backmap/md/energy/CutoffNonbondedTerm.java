package org.backmap.md.energy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.backmap.md.system.NonbondedParameters;

/**
 * Lennard-Jones and Coulomb interactions in vacuum with a cutoff {@code r_c}, over a Verlet neighbour list: OpenMM's
 * {@code NonbondedForce} with {@code CutoffNonPeriodic} (no switching function). For a pair at {@code r < r_c} (no
 * interaction beyond):
 *
 * <pre>
 *   U_LJ = 4 eps_ij ((sigma_ij/r)^12 - (sigma_ij/r)^6)
 *   U_C  = k_e q_i q_j (1/r + k_rf r^2 - c_rf),  k_rf = (eps_rf - 1) / ((2 eps_rf + 1) r_c^3),
 *                                                 c_rf = 3 eps_rf / ((2 eps_rf + 1) r_c)
 * </pre>
 *
 * <p>Coulomb is a reaction field with {@code eps_rf = 78.3}, OpenMM's default: its energy is zero at the cutoff and
 * its force nearly so ({@code 3/(2 eps_rf + 1)}, 2%, of the plain Coulomb force there), so the line searches of a
 * minimiser see a smooth function; inside the cutoff it changes the force by {@code -2 k_rf r}, under 3% at
 * 0.3 nm. Lennard-Jones is truncated as OpenMM does, a step of about {@code 4 eps (sigma/r_c)^6}, 10^-3 kJ/mol per
 * pair at 1 nm. The forces are the exact gradient of this energy (away from the cutoff itself). Exclusions and the
 * scaled 1-4 pairs are those of {@link NonbondedTerm}; the 1-4 pairs, like OpenMM's exceptions, have no cutoff and
 * no reaction field.
 *
 * <p>The neighbour list (cutoff plus skin) is rebuilt when an evaluation finds an atom more than half the skin
 * from where it was at the last build. The list in use is replaced as a whole, so concurrent evaluations stay
 * correct; evaluating unrelated configurations in turn rebuilds it each time.
 */
public final class CutoffNonbondedTerm implements EnergyTerm {
  /** OpenMM's default reaction-field dielectric. */
  public static final double REACTION_FIELD_DIELECTRIC = 78.3;
  /** Default skin of the neighbour list (nm). */
  public static final double DEFAULT_SKIN_NM = 0.1;

  private final int n;
  private final double cutoff;
  private final double skin;
  private final double cutoff2;
  private final double kRf;
  private final double cRf;
  private final double[] charge;
  private final double[] halfSigma;
  private final double[] twoSqrtEpsilon;
  private final int[][] excludedAbove;
  private final ScaledPairs pairs14;
  private final AtomicReference<NeighbourList> list = new AtomicReference<>();
  private final AtomicLong builds = new AtomicLong();

  /**
   * The term of {@code nonbonded}, whose arrays it copies.
   *
   * @param cutoffNm cutoff (nm), positive and finite
   * @param skinNm neighbour-list skin (nm), positive and finite
   */
  public CutoffNonbondedTerm(NonbondedParameters nonbonded, double cutoffNm, double skinNm) {
    if (!(cutoffNm > 0) || Double.isInfinite(cutoffNm) || !(skinNm > 0) || Double.isInfinite(skinNm)) {
      throw new IllegalArgumentException("cutoff and skin must be positive and finite, got " + cutoffNm + " and " + skinNm + " nm");
    }
    n = nonbonded.count();
    cutoff = cutoffNm;
    skin = skinNm;
    cutoff2 = cutoffNm * cutoffNm;
    double eps = REACTION_FIELD_DIELECTRIC;
    kRf = (eps - 1) / ((2 * eps + 1) * cutoffNm * cutoffNm * cutoffNm);
    cRf = 3 * eps / ((2 * eps + 1) * cutoffNm);
    charge = new double[n];
    halfSigma = new double[n];
    twoSqrtEpsilon = new double[n];
    for (int i = 0; i < n; i++) {
      charge[i] = nonbonded.charges()[i] * Math.sqrt(NonbondedTerm.ONE_4PI_EPS0);
      halfSigma[i] = 0.5 * nonbonded.sigma()[i];
      twoSqrtEpsilon[i] = 2 * Math.sqrt(nonbonded.epsilon()[i]);
    }
    excludedAbove = nonbonded.excludedAbove().clone();
    pairs14 = new ScaledPairs(nonbonded);
  }

  /** The cutoff (nm). */
  public double cutoffNm() {
    return cutoff;
  }

  /** How many times the neighbour list has been built so far. */
  public long neighbourListBuilds() {
    return builds.get();
  }

  @Override
  public void compute(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    NeighbourList current = list.get();
    if (current == null || !current.validFor(x)) {
      current = NeighbourList.build(x, cutoff, skin, excludedAbove);
      list.set(current);
      builds.incrementAndGet();
    }
    NeighbourList neighbours = current;
    double[] e = loop.runPairChunks(forces, (fc, c, chunks) -> rows(x, fc, neighbours, c, chunks));
    double eLj = e[0], eCoulomb = e[1];
    double[] e14 = pairs14.compute(x, forces);
    energies.add(EnergyComponent.LENNARD_JONES, eLj + e14[0]);
    energies.add(EnergyComponent.COULOMB, eCoulomb + e14[1]);
  }

  private double[] rows(double[] x, double[] f, NeighbourList list, int chunk, int chunks) {
    int[] start = list.start;
    int[] neighbours = list.neighbours;
    double eLj = 0, eCoulomb = 0;
    for (int i = 0; i < n; i++) {
      if (chunks > 1 && !ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
      double qi = charge[i], si = halfSigma[i], ei = twoSqrtEpsilon[i];
      double fxi = 0, fyi = 0, fzi = 0;
      for (int p = start[i], end = start[i + 1]; p < end; p++) {
        int j = neighbours[p];
        double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
        double r2 = dx * dx + dy * dy + dz * dz;
        if (r2 >= cutoff2) {
          continue;
        }
        double inv2 = 1 / r2;
        double invR = Math.sqrt(inv2);
        double s = si + halfSigma[j];
        double s2 = s * s * inv2;
        double s6 = s2 * s2 * s2;
        double eps4 = ei * twoSqrtEpsilon[j];
        double qq = qi * charge[j];
        eLj += eps4 * (s6 * s6 - s6);
        eCoulomb += qq * (invR + kRf * r2 - cRf);
        // -dU/dr / r
        double scale = eps4 * (12 * s6 * s6 - 6 * s6) * inv2 + qq * (invR * inv2 - 2 * kRf);
        fxi += scale * dx;
        fyi += scale * dy;
        fzi += scale * dz;
        f[3 * j] -= scale * dx;
        f[3 * j + 1] -= scale * dy;
        f[3 * j + 2] -= scale * dz;
      }
      f[3 * i] += fxi;
      f[3 * i + 1] += fyi;
      f[3 * i + 2] += fzi;
    }
    return new double[] {eLj, eCoulomb};
  }
}
