package org.backmap.md.dynamics;

import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.energy.LargestForce;

/**
 * Langevin dynamics with the "LFMiddle" BAOAB splitting of Zhang, Liu and Tuckerman, J. Chem. Phys. 151, 114105
 * (2019), step for step as OpenMM's {@code LangevinMiddleIntegrator}:
 * <pre>
 *   v  &lt;- v + dt F(x)/m                       (then RATTLE: no velocity along constraints)
 *   x' &lt;- x + dt/2 v
 *   v  &lt;- a v + sqrt(kT (1 - a^2)/m) R,  a = exp(-gamma dt),  R ~ N(0, 1)
 *   x' &lt;- x' + dt/2 v
 *   v  &lt;- v + (SHAKE(x') - x')/dt,  x &lt;- SHAKE(x')
 * </pre>
 * The kinetic energy is that of the stored velocities {@code v}, as OpenMM reports it for this integrator: in the
 * LFMiddle scheme these give the configurational temperature without a half-step correction (Zhang et al., sec. II).
 * Start velocities are drawn as OpenMM 7.7 draws them ({@link #setVelocitiesToTemperature}). The potential is any
 * {@link DynamicsPotential}, the force field's in the product. Units: nm, ps, Da, kJ/mol, K. Seeded, so a run is reproducible; {@link #state()} and
 * {@link #restore} save and continue it exactly. A step whose energy, positions or velocities are not finite
 * throws {@link SimulationDivergedException}.
 */
public final class LangevinMiddleIntegrator implements Replica<LangevinMiddleIntegrator> {
  /** Boltzmann constant in kJ/mol/K (CODATA 2018, as OpenMM's {@code BOLTZ}). */
  public static final double BOLTZMANN = 1.380649e-23 * 6.02214076e23 / 1000;

  private final DynamicsPotential energy;
  private final BondConstraints constraints;
  private final double[] mass;
  private final double dt;
  private final double friction;
  private double temperature;
  private RestorableRandom random;
  private final int n3;
  private final double[] x;
  private final double[] v;
  private final double[] f;
  private final double[] xNew;
  private final double[] xFree;
  private EnergyBreakdown potential;
  private long steps;

  /**
   * @param energy the force field
   * @param constraints bond constraints, or {@code null} for none
   * @param x0 start positions (nm, flat); constrained on entry
   * @param temperature bath temperature (K)
   * @param friction collision rate (1/ps)
   * @param dt time step (ps)
   * @param seed random seed (velocities and noise)
   */
  public LangevinMiddleIntegrator(ForceFieldEnergy energy, BondConstraints constraints, double[] x0,
      double temperature, double friction, double dt, long seed) {
    this(DynamicsPotential.of(energy), constraints, x0, temperature, friction, dt, seed);
  }

  /**
   * @param energy the potential
   * @param constraints bond constraints, or {@code null} for none
   * @param x0 start positions (nm, flat); constrained on entry
   * @param temperature bath temperature (K)
   * @param friction collision rate (1/ps)
   * @param dt time step (ps)
   * @param seed random seed (velocities and noise)
   */
  public LangevinMiddleIntegrator(DynamicsPotential energy, BondConstraints constraints, double[] x0,
      double temperature, double friction, double dt, long seed) {
    this.energy = energy;
    this.constraints = constraints;
    this.mass = energy.masses().clone();
    this.dt = dt;
    this.friction = friction;
    this.temperature = temperature;
    this.random = RestorableRandom.seeded(seed);
    n3 = x0.length;
    x = x0.clone();
    v = new double[n3];
    f = new double[n3];
    xNew = new double[n3];
    xFree = new double[n3];
    if (constraints != null) {
      constraints.constrainPositions(x0, x);
    }
    potential = energy.evaluate(x, f);
    setVelocitiesToTemperature(temperature);
  }

  /**
   * Draws Maxwell-Boltzmann velocities at {@code t} (K), moves them half a step back,
   * {@code v <- v - (dt/2) F/m}, and removes their components along constraints. The stored velocities lag the
   * positions by half a step (a step starts with the full kick {@code v + dt F/m}), so this is OpenMM 7.7's
   * {@code Context.setVelocitiesToTemperature} with this integrator's velocity time offset {@code dt/2}. No
   * centre-of-mass motion is removed and the temperature is not rescaled to {@code t}: the bath thermalises every
   * degree of freedom, the overall translation included.
   */
  public void setVelocitiesToTemperature(double t) {
    for (int i = 0; i < n3 / 3; i++) {
      double sd = Math.sqrt(BOLTZMANN * t / mass[i]);
      for (int d = 0; d < 3; d++) {
        v[3 * i + d] = sd * random.nextGaussian() - 0.5 * dt * f[3 * i + d] / mass[i];
      }
    }
    if (constraints != null) {
      constraints.constrainVelocities(x, v);
    }
  }

  /** Advances {@code count} steps. */
  @Override
  public void step(int count) {
    double a = Math.exp(-friction * dt);
    double noise = Math.sqrt(BOLTZMANN * temperature * (1 - a * a));
    for (int s = 0; s < count; s++) {
      for (int k = 0; k < n3; k++) {
        v[k] += dt * f[k] / mass[k / 3];
      }
      if (constraints != null) {
        constrained(() -> constraints.constrainVelocities(x, v));
      }
      for (int i = 0; i < n3 / 3; i++) {
        double sd = noise / Math.sqrt(mass[i]);
        for (int d = 0; d < 3; d++) {
          int k = 3 * i + d;
          xNew[k] = x[k] + 0.5 * dt * v[k];
          v[k] = a * v[k] + sd * random.nextGaussian();
          xNew[k] += 0.5 * dt * v[k];
        }
      }
      if (constraints != null) {
        System.arraycopy(xNew, 0, xFree, 0, n3);
        constrained(() -> constraints.constrainPositions(x, xNew));
        for (int k = 0; k < n3; k++) {
          v[k] += (xNew[k] - xFree[k]) / dt;
        }
      }
      System.arraycopy(xNew, 0, x, 0, n3);
      potential = energy.evaluate(x, f);
      steps++;
      requireFinite();
    }
  }

  /** Runs a SHAKE or RATTLE pass; its failure means the dynamics have blown up. */
  private void constrained(Runnable pass) {
    try {
      pass.run();
    } catch (IllegalStateException e) {
      throw new SimulationDivergedException("dynamics became unstable at step " + (steps + 1) + " (" + e.getMessage()
          + "; largest force on " + energy.label(LargestForce.atom(f)) + ")", steps + 1, e);
    }
  }

  private void requireFinite() {
    // one sum: any NaN or infinite coordinate or velocity makes it non-finite
    double probe = 0;
    for (int k = 0; k < n3; k++) {
      probe += x[k] + v[k];
    }
    String what = !Double.isFinite(potential.total()) ? "non-finite energy"
        : !Double.isFinite(probe) ? "non-finite positions or velocities" : null;
    if (what != null) {
      int atom = LargestForce.atom(f);
      throw new SimulationDivergedException("dynamics became unstable at step " + steps + " (" + what
          + (atom < 0 ? "" : "; largest force on " + energy.label(atom)) + ")", steps, null);
    }
  }

  /** Everything needed to continue this integrator exactly from here. */
  public IntegratorState state() {
    return new IntegratorState(x, v, steps, temperature, random.state());
  }

  /**
   * Continues from {@code state}, as saved by {@link #state()} of an integrator with the same energy,
   * constraints, friction and time step; forces are recomputed.
   */
  public void restore(IntegratorState state) {
    if (state.positions().length != n3) {
      throw new IllegalArgumentException("state holds " + state.positions().length + " coordinates, expected " + n3);
    }
    System.arraycopy(state.positions(), 0, x, 0, n3);
    System.arraycopy(state.velocities(), 0, v, 0, n3);
    steps = state.steps();
    temperature = state.temperature();
    random = RestorableRandom.restored(state.random());
    potential = energy.evaluate(x, f);
  }

  /** Potential energy of the current positions. */
  public EnergyBreakdown potential() {
    return potential;
  }

  /** Total potential energy of the current positions (kJ/mol). */
  @Override
  public double potentialEnergy() {
    return potential.total();
  }

  /** Kinetic energy {@code sum m/2 |v|^2} (kJ/mol). */
  public double kineticEnergy() {
    double ke = 0;
    for (int k = 0; k < n3; k++) {
      ke += 0.5 * mass[k / 3] * v[k] * v[k];
    }
    return ke;
  }

  /** Degrees of freedom: 3N minus the number of constraints. */
  public int degreesOfFreedom() {
    return n3 - (constraints == null ? 0 : constraints.count());
  }

  /** Instantaneous kinetic temperature {@code 2 KE / (dof k_B)} (K). */
  public double kineticTemperature() {
    return 2 * kineticEnergy() / (degreesOfFreedom() * BOLTZMANN);
  }

  /** Current positions (nm; the live array: copy before modifying). */
  public double[] positions() {
    return x;
  }

  /** Current half-step velocities (nm/ps; the live array). */
  public double[] velocities() {
    return v;
  }

  /** Bath temperature (K). */
  @Override
  public double temperature() {
    return temperature;
  }

  /**
   * Replaces the positions and velocities (a replica-exchange swap): velocities are scaled by
   * {@code sqrt(temperature / fromTemperature)}.
   */
  public void exchange(double[] positions, double[] velocities, double fromTemperature) {
    System.arraycopy(positions, 0, x, 0, n3);
    double scale = Math.sqrt(temperature / fromTemperature);
    for (int k = 0; k < n3; k++) {
      v[k] = scale * velocities[k];
    }
    potential = energy.evaluate(x, f);
  }

  /** Swaps positions and velocities with {@code other}, each set of velocities rescaled to its new bath. */
  @Override
  public void swapConfigurations(LangevinMiddleIntegrator other) {
    double[] xa = x.clone(), va = v.clone();
    exchange(other.x, other.v, other.temperature);
    other.exchange(xa, va, temperature);
  }

  /** Time step (ps). */
  public double timeStep() {
    return dt;
  }

  /** Steps taken. */
  public long steps() {
    return steps;
  }
}
