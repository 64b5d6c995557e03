package org.backmap.md.simulation;

import org.backmap.md.energy.Precision;

/**
 * What a {@link Simulation} runs. Every value is checked here, so a run never starts with settings that cannot
 * work; the messages name the setting.
 *
 * @param picoseconds simulated time (ps), positive and finite
 * @param timeStep integration time step (ps), in {@code (0, MAX_TIME_STEP]}
 * @param temperature bath temperature (K), the lowest one with replicas
 * @param maxTemperature highest replica temperature (K), at least {@code temperature}; ignored with one replica
 * @param replicas temperature replicas, exponentially spaced; 1 for plain Langevin dynamics
 * @param friction collision rate (1/ps), {@code >= 0}
 * @param exchangePs time between exchange attempts (ps)
 * @param reportPs time between frames and energy rows (ps), at most {@code picoseconds}
 * @param heavyRestraint force constant (kJ/mol/nm^2) of restraints holding heavy atoms at their start, or
 *     {@code null} for none
 * @param minimizeFirst whether to minimise the energy before dynamics
 * @param seed random seed of velocities, noise and exchanges
 * @param threads threads: energy evaluation with one replica, replicas stepped side by side with several
 * @param checkpointMinutes wall-clock minutes between restart checkpoints, positive and finite
 * @param precision arithmetic of the force-field pair loops ({@link Precision#DOUBLE} or the faster
 *     {@link Precision#MIXED})
 * @param restrainCgAtoms when true, {@code heavyRestraint}'s force constant holds the atoms a CG structure keeps
 *     (N, CA, C, O, H, CB, OXT) instead of the heavy atoms
 */
public record SimulationSettings(double picoseconds, double timeStep, double temperature, double maxTemperature,
    int replicas, double friction, double exchangePs, double reportPs, Double heavyRestraint, boolean minimizeFirst,
    long seed, int threads, double checkpointMinutes, Precision precision, boolean restrainCgAtoms) {

  /** Largest time step (ps) allowed: bonds to hydrogen are constrained, heavier ones are not. */
  public static final double MAX_TIME_STEP = 0.005;
  /** Default wall-clock minutes between restart checkpoints. */
  public static final double DEFAULT_CHECKPOINT_MINUTES = 5;

  /** Settings with restart checkpoints every {@value #DEFAULT_CHECKPOINT_MINUTES} minutes. */
  public SimulationSettings(double picoseconds, double timeStep, double temperature, double maxTemperature,
      int replicas, double friction, double exchangePs, double reportPs, Double heavyRestraint, boolean minimizeFirst,
      long seed, int threads) {
    this(picoseconds, timeStep, temperature, maxTemperature, replicas, friction, exchangePs, reportPs, heavyRestraint,
        minimizeFirst, seed, threads, DEFAULT_CHECKPOINT_MINUTES);
  }

  /** Settings restraining heavy atoms (when {@code heavyRestraint} is given). */
  public SimulationSettings(double picoseconds, double timeStep, double temperature, double maxTemperature,
      int replicas, double friction, double exchangePs, double reportPs, Double heavyRestraint, boolean minimizeFirst,
      long seed, int threads, double checkpointMinutes, Precision precision) {
    this(picoseconds, timeStep, temperature, maxTemperature, replicas, friction, exchangePs, reportPs, heavyRestraint,
        minimizeFirst, seed, threads, checkpointMinutes, precision, false);
  }

  /** Settings in float64 ({@link Precision#DOUBLE}). */
  public SimulationSettings(double picoseconds, double timeStep, double temperature, double maxTemperature,
      int replicas, double friction, double exchangePs, double reportPs, Double heavyRestraint, boolean minimizeFirst,
      long seed, int threads, double checkpointMinutes) {
    this(picoseconds, timeStep, temperature, maxTemperature, replicas, friction, exchangePs, reportPs, heavyRestraint,
        minimizeFirst, seed, threads, checkpointMinutes, Precision.DOUBLE);
  }

  public SimulationSettings {
    positive("simulated time (ps)", picoseconds);
    positive("time step (ps)", timeStep);
    if (timeStep > MAX_TIME_STEP) {
      throw new IllegalArgumentException("time step (ps) must be at most " + MAX_TIME_STEP + " with hydrogen-bond constraints, got " + timeStep);
    }
    positive("temperature (K)", temperature);
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
    }
    if (replicas > 1 && !(Double.isFinite(maxTemperature) && maxTemperature >= temperature)) {
      throw new IllegalArgumentException("highest replica temperature (K) must be finite and at least " + temperature + ", got " + maxTemperature);
    }
    if (!(Double.isFinite(friction) && friction >= 0)) {
      throw new IllegalArgumentException("friction (1/ps) must be finite and >= 0, got " + friction);
    }
    positive("exchange interval (ps)", exchangePs);
    positive("report interval (ps)", reportPs);
    if (reportPs > picoseconds) {
      throw new IllegalArgumentException("report interval (" + reportPs + " ps) is longer than the run (" + picoseconds + " ps)");
    }
    if (reportPs < timeStep) {
      throw new IllegalArgumentException("report interval (" + reportPs + " ps) is shorter than the time step (" + timeStep + " ps)");
    }
    if (heavyRestraint != null) {
      positive("restraint force constant (kJ/mol/nm^2)", heavyRestraint);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    positive("checkpoint interval (minutes)", checkpointMinutes);
    java.util.Objects.requireNonNull(precision, "precision");
  }

  /** These settings with restart checkpoints every {@code minutes} minutes of wall-clock time. */
  public SimulationSettings withCheckpointMinutes(double minutes) {
    return new SimulationSettings(picoseconds, timeStep, temperature, maxTemperature, replicas, friction, exchangePs,
        reportPs, heavyRestraint, minimizeFirst, seed, threads, minutes, precision, restrainCgAtoms);
  }

  /** These settings with the force field's pair loops in {@code p}. */
  public SimulationSettings withPrecision(Precision p) {
    return new SimulationSettings(picoseconds, timeStep, temperature, maxTemperature, replicas, friction, exchangePs,
        reportPs, heavyRestraint, minimizeFirst, seed, threads, checkpointMinutes, p, restrainCgAtoms);
  }

  /** These settings with the restraint's force constant on the CG atoms instead of the heavy atoms. */
  public SimulationSettings withCgAtomsRestrained() {
    return new SimulationSettings(picoseconds, timeStep, temperature, maxTemperature, replicas, friction, exchangePs,
        reportPs, heavyRestraint, minimizeFirst, seed, threads, checkpointMinutes, precision, true);
  }

  /**
   * The settings that decide the trajectory, as {@code name=value} pairs: a run continues from a checkpoint only
   * with the same ones. Threads and the checkpoint interval are not among them.
   */
  public java.util.SequencedMap<String, String> trajectoryDefining() {
    java.util.SequencedMap<String, String> m = new java.util.LinkedHashMap<>();
    m.put("ps", Double.toString(picoseconds));
    m.put("dt", Double.toString(timeStep));
    m.put("temperature", Double.toString(temperature));
    m.put("replicas", Integer.toString(replicas));
    if (replicas > 1) {
      m.put("max-temperature", Double.toString(maxTemperature));
      m.put("exchange-ps", Double.toString(exchangePs));
    }
    m.put("friction", Double.toString(friction));
    m.put("report-ps", Double.toString(reportPs));
    m.put("restrain-heavy", heavyRestraint == null ? "none" : Double.toString(heavyRestraint));
    m.put("minimize", Boolean.toString(minimizeFirst));
    m.put("seed", Long.toString(seed));
    if (restrainCgAtoms && heavyRestraint != null) {
      m.put("restrain-atoms", "cg"); // absent for heavy atoms, as before this choice existed
    }
    if (precision != Precision.DOUBLE) {
      m.put("precision", precision.name().toLowerCase(java.util.Locale.ROOT)); // absent for float64, as before precisions existed
    }
    return m;
  }

  private static void positive(String what, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw new IllegalArgumentException(what + " must be finite and greater than 0, got " + value);
    }
  }

  /** Integration steps between two frames. */
  public int stepsPerFrame() {
    return Math.max(1, (int) Math.round(reportPs / timeStep));
  }

  /** Frames written; exchanges happen at frame boundaries. */
  public long frames() {
    return Math.round(picoseconds / (stepsPerFrame() * timeStep));
  }

  /** Frames between two exchange attempts. */
  public int framesPerExchange() {
    return Math.max(1, (int) Math.round(exchangePs / (stepsPerFrame() * timeStep)));
  }
}
