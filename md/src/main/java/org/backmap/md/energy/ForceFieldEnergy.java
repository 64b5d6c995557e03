package org.backmap.md.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.backmap.base.concurrent.Threads;
import org.backmap.base.concurrent.WorkerPools;
import org.backmap.md.system.ForceFieldSystem;

/**
 * The potential energy of one {@link ForceFieldSystem}: the sum of its terms (bonds, angles, torsions,
 * Lennard-Jones + Coulomb, GBn2 + ACE, optional positional restraints), in float64, or with the O(N^2) pair loops in
 * float32 ({@link Precision#MIXED}, chosen with {@link #of(ForceFieldSystem, int, Precision)}).
 *
 * <p>{@link #evaluate} computes one configuration with its pair loops split over the configured threads;
 * {@link #evaluateMany} and {@link #energies} compute many configurations of the same system, one configuration per
 * thread, which is the fast path for reweighting large sample sets. Both run on the shared worker pool of the
 * configured size ({@link WorkerPools}), so an instance owns no threads. Without forces ({@code forces == null},
 * {@link #energy}, {@link #energies}) the GBn2 term skips its chain-rule pass, and in {@link Precision#MIXED} the pair
 * loops skip their force arithmetic: about half the time of energy and forces. Instances are thread-safe, and
 * immutable except for the neighbour list a cutoff energy ({@link #vacuum(ForceFieldSystem, int, double)}) keeps
 * between evaluations.
 */
public final class ForceFieldEnergy {
  private final ForceFieldSystem system;
  private final List<EnergyTerm> terms;
  private final int threads;
  private final Precision precision;
  private final ParallelLoop loop;

  private ForceFieldEnergy(ForceFieldSystem system, List<EnergyTerm> terms, int threads, Precision precision) {
    this.system = system;
    this.terms = List.copyOf(terms);
    this.threads = threads;
    this.precision = precision;
    this.loop = ParallelLoop.of(threads);
  }

  /** The energy of {@code system} evaluated on {@code threads} threads, in float64. */
  public static ForceFieldEnergy of(ForceFieldSystem system, int threads) {
    return of(system, threads, Precision.DOUBLE);
  }

  /**
   * The energy of {@code system} evaluated on {@code threads} threads with its pair loops in {@code precision}.
   *
   * @param precision {@link Precision#DOUBLE} (the default of the other factories) or {@link Precision#MIXED}
   */
  public static ForceFieldEnergy of(ForceFieldSystem system, int threads, Precision precision) {
    return new ForceFieldEnergy(system, standardTerms(system, precision), threads, precision);
  }

  /** The energy of {@code system} on the default number of threads ({@link Threads#defaultCount()}). */
  public static ForceFieldEnergy of(ForceFieldSystem system) {
    return of(system, Threads.defaultCount());
  }

  /**
   * The vacuum energy of {@code system} without cutoff: bonds, angles, torsions, Lennard-Jones and Coulomb
   * (solute dielectric 1), no GBn2 and no surface term.
   */
  public static ForceFieldEnergy vacuum(ForceFieldSystem system, int threads) {
    return new ForceFieldEnergy(system, List.of(new HarmonicBondTerm(system.bonds()), new HarmonicAngleTerm(system.angles()),
        new PeriodicTorsionTerm(system.torsions()), new NonbondedTerm(system.nonbonded())), threads, Precision.DOUBLE);
  }

  /**
   * The vacuum energy of {@code system} with the nonbonded cutoff {@code cutoffNm}: bonds, angles, torsions and
   * {@link CutoffNonbondedTerm} (OpenMM's {@code CutoffNonPeriodic}: Lennard-Jones truncated, Coulomb with a reaction field,
   * over a Verlet neighbour list with {@link CutoffNonbondedTerm#DEFAULT_SKIN_NM}). A cutoff of
   * {@link Double#POSITIVE_INFINITY} gives {@link #vacuum(ForceFieldSystem, int)}.
   *
   * @param cutoffNm the cutoff (nm), positive
   */
  public static ForceFieldEnergy vacuum(ForceFieldSystem system, int threads, double cutoffNm) {
    if (cutoffNm == Double.POSITIVE_INFINITY) {
      return vacuum(system, threads);
    }
    return new ForceFieldEnergy(system, List.of(new HarmonicBondTerm(system.bonds()), new HarmonicAngleTerm(system.angles()),
        new PeriodicTorsionTerm(system.torsions()),
        new CutoffNonbondedTerm(system.nonbonded(), cutoffNm, CutoffNonbondedTerm.DEFAULT_SKIN_NM)), threads, Precision.DOUBLE);
  }

  /**
   * The same energy plus harmonic positional restraints.
   *
   * @param atoms restrained atoms
   * @param positions reference positions, flat (nm)
   * @param k force constant (kJ/mol/nm^2)
   */
  public ForceFieldEnergy withRestraints(int[] atoms, double[] positions, double k) {
    List<EnergyTerm> all = new ArrayList<>(terms);
    all.add(new PositionalRestraintTerm(atoms, positions, k));
    return new ForceFieldEnergy(system, all, threads, precision);
  }

  private static List<EnergyTerm> standardTerms(ForceFieldSystem s, Precision precision) {
    return List.of(
        new HarmonicBondTerm(s.bonds()),
        new HarmonicAngleTerm(s.angles()),
        new PeriodicTorsionTerm(s.torsions()),
        new NonbondedTerm(s.nonbonded(), precision),
        new Gbn2Term(s.nonbonded().charges(), s.gb(), precision));
  }

  /** The system. */
  public ForceFieldSystem system() {
    return system;
  }

  /** Number of threads. */
  public int threads() {
    return threads;
  }

  /** The arithmetic of the pair loops. */
  public Precision precision() {
    return precision;
  }

  /** The loop that splits the pair terms of {@link #evaluate}. */
  ParallelLoop loop() {
    return loop;
  }

  /**
   * Energy and forces of one configuration.
   *
   * @param x positions, flat (nm), not modified
   * @param forces receives {@code -dU/dx} (kJ/mol/nm), overwritten; may be {@code null} when only energies are needed
   * @return the energy per component
   */
  public EnergyBreakdown evaluate(double[] x, double[] forces) {
    return evaluate(x, forces, loop);
  }

  private EnergyBreakdown evaluate(double[] x, double[] forces, ParallelLoop pairLoop) {
    int n3 = 3 * system.atomCount();
    if (x.length != n3) {
      throw new IllegalArgumentException("expected " + n3 + " coordinates, got " + x.length);
    }
    EnergyBreakdown e = new EnergyBreakdown();
    if (forces == null) {
      for (EnergyTerm t : terms) {
        t.energy(x, e, pairLoop);
      }
      return e;
    }
    Arrays.fill(forces, 0);
    for (EnergyTerm t : terms) {
      t.compute(x, forces, e, pairLoop);
    }
    return e;
  }

  /**
   * Energy and forces of one configuration, in new arrays.
   *
   * @param x positions, flat (nm), not modified
   */
  public EnergyEvaluation evaluate(double[] x) {
    double[] forces = new double[x.length];
    return new EnergyEvaluation(evaluate(x, forces), forces);
  }

  /** Total potential energy of one configuration (kJ/mol). */
  public double energy(double[] x) {
    return evaluate(x, null).total();
  }

  /**
   * Energies of many configurations, evaluated in parallel, one configuration per thread.
   *
   * @param configurations flat positions (nm) of each configuration, not modified
   * @param forces if not {@code null}, {@code forces[c]} receives the forces of configuration c
   * @return the energy breakdown of each configuration
   */
  public EnergyBreakdown[] evaluateMany(double[][] configurations, double[][] forces) {
    EnergyBreakdown[] out = new EnergyBreakdown[configurations.length];
    Runnable work = () -> IntStream.range(0, configurations.length).parallel().forEach(c ->
        out[c] = evaluate(configurations[c], forces == null ? null : forces[c], ParallelLoop.sequential()));
    if (threads == 1) {
      for (int c = 0; c < configurations.length; c++) {
        out[c] = evaluate(configurations[c], forces == null ? null : forces[c], ParallelLoop.sequential());
      }
    } else {
      WorkerPools.shared(threads).submit(work).join();
    }
    return out;
  }

  /**
   * Total energies (kJ/mol) of many configurations, without forces: {@link #evaluateMany} with {@code forces ==
   * null}.
   *
   * @param configurations flat positions (nm) of each configuration, not modified
   */
  public double[] energies(double[][] configurations) {
    EnergyBreakdown[] each = evaluateMany(configurations, null);
    double[] out = new double[each.length];
    for (int c = 0; c < each.length; c++) {
      out[c] = each[c].total();
    }
    return out;
  }
}
