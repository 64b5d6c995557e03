package org.backmap.md.system;

import org.backmap.md.structure.Element;

/**
 * A parameterised AMBER14SB + GBn2 system: per-atom properties and, for every energy term, flat index and
 * parameter arrays (the layout of OpenMM's reference kernels). Units: nm, kJ/mol, radians, Da, elementary
 * charges. Built by {@link SystemBuilder}; immutable by convention: accessors return the internal arrays,
 * which callers must not modify.
 *
 * <p>Index arrays are flat: bond {@code b} joins atoms {@code bondAtoms[2b]} and {@code bondAtoms[2b+1]}, angle
 * {@code a} is {@code angleAtoms[3a..3a+2]} (vertex in the middle), torsion {@code t} is
 * {@code torsionAtoms[4t..4t+3]} (one entry per periodic term, propers then impropers).
 */
public final class ForceFieldSystem {
  private final String[] atomLabels;
  private final Element[] elements;
  private final double[] masses;
  private final double[] charges;
  private final int[] bondAtoms;
  private final double[] bondLength;
  private final double[] bondK;
  private final int[] angleAtoms;
  private final double[] angleTheta;
  private final double[] angleK;
  private final int[] torsionAtoms;
  private final int[] torsionPeriodicity;
  private final double[] torsionPhase;
  private final double[] torsionK;
  private final double[] sigma;
  private final double[] epsilon;
  private final int[][] excludedAbove;
  private final int[] pair14Atoms;
  private final double[] pair14ChargeProduct;
  private final double[] pair14Sigma;
  private final double[] pair14Epsilon;
  private final GbParameters gb;
  private final int[] constraintAtoms;
  private final double[] constraintLength;

  ForceFieldSystem(Builder b) {
    atomLabels = b.atomLabels;
    elements = b.elements;
    masses = b.masses;
    charges = b.charges;
    bondAtoms = b.bondAtoms;
    bondLength = b.bondLength;
    bondK = b.bondK;
    angleAtoms = b.angleAtoms;
    angleTheta = b.angleTheta;
    angleK = b.angleK;
    torsionAtoms = b.torsionAtoms;
    torsionPeriodicity = b.torsionPeriodicity;
    torsionPhase = b.torsionPhase;
    torsionK = b.torsionK;
    sigma = b.sigma;
    epsilon = b.epsilon;
    excludedAbove = b.excludedAbove;
    pair14Atoms = b.pair14Atoms;
    pair14ChargeProduct = b.pair14ChargeProduct;
    pair14Sigma = b.pair14Sigma;
    pair14Epsilon = b.pair14Epsilon;
    gb = b.gb;
    constraintAtoms = b.constraintAtoms;
    constraintLength = b.constraintLength;
  }

  /** Mutable field holder used by {@link SystemBuilder}. */
  static final class Builder {
    String[] atomLabels;
    Element[] elements;
    double[] masses;
    double[] charges;
    int[] bondAtoms;
    double[] bondLength;
    double[] bondK;
    int[] angleAtoms;
    double[] angleTheta;
    double[] angleK;
    int[] torsionAtoms;
    int[] torsionPeriodicity;
    double[] torsionPhase;
    double[] torsionK;
    double[] sigma;
    double[] epsilon;
    int[][] excludedAbove;
    int[] pair14Atoms;
    double[] pair14ChargeProduct;
    double[] pair14Sigma;
    double[] pair14Epsilon;
    GbParameters gb;
    int[] constraintAtoms;
    double[] constraintLength;
  }

  /** Number of atoms. */
  public int atomCount() {
    return masses.length;
  }

  /** Atom labels for messages, e.g. {@code "A 12 ALA CB"}. */
  public String atomLabel(int atom) {
    return atomLabels[atom];
  }

  /** Elements. */
  public Element[] elements() {
    return elements;
  }

  /** Masses (Da) from the force-field atom types. */
  public double[] masses() {
    return masses;
  }

  /** Partial charges (e). */
  public double[] charges() {
    return charges;
  }

  /** Bonded atom pairs, flat. */
  public int[] bondAtoms() {
    return bondAtoms;
  }

  /** Equilibrium bond lengths (nm). */
  public double[] bondLength() {
    return bondLength;
  }

  /** Bond force constants (kJ/mol/nm^2), energy {@code k/2 (r - r0)^2}. */
  public double[] bondK() {
    return bondK;
  }

  /** Angle triples, flat, vertex in the middle. */
  public int[] angleAtoms() {
    return angleAtoms;
  }

  /** Equilibrium angles (rad). */
  public double[] angleTheta() {
    return angleTheta;
  }

  /** Angle force constants (kJ/mol/rad^2), energy {@code k/2 (theta - theta0)^2}. */
  public double[] angleK() {
    return angleK;
  }

  /** Torsion quadruples, flat, one per periodic term. */
  public int[] torsionAtoms() {
    return torsionAtoms;
  }

  /** Torsion periodicities. */
  public int[] torsionPeriodicity() {
    return torsionPeriodicity;
  }

  /** Torsion phases (rad). */
  public double[] torsionPhase() {
    return torsionPhase;
  }

  /** Torsion barrier constants (kJ/mol), energy {@code k (1 + cos(n phi - phase))}. */
  public double[] torsionK() {
    return torsionK;
  }

  /** Lennard-Jones sigma per atom (nm). */
  public double[] sigma() {
    return sigma;
  }

  /** Lennard-Jones epsilon per atom (kJ/mol). */
  public double[] epsilon() {
    return epsilon;
  }

  /**
   * For each atom i, the atoms j &gt; i, ascending, that are one, two or three bonds away: their plain
   * Coulomb and Lennard-Jones interaction is excluded (three-bond pairs interact through the scaled 1-4 list).
   */
  public int[][] excludedAbove() {
    return excludedAbove;
  }

  /** Atom pairs three bonds apart, flat. */
  public int[] pair14Atoms() {
    return pair14Atoms;
  }

  /** Scaled charge products {@code coulomb14scale q_i q_j} of the 1-4 pairs. */
  public double[] pair14ChargeProduct() {
    return pair14ChargeProduct;
  }

  /** Combined sigma {@code (sigma_i + sigma_j)/2} of the 1-4 pairs (nm). */
  public double[] pair14Sigma() {
    return pair14Sigma;
  }

  /** Scaled well depths {@code lj14scale sqrt(eps_i eps_j)} of the 1-4 pairs (kJ/mol). */
  public double[] pair14Epsilon() {
    return pair14Epsilon;
  }

  /** GBn2 parameters. */
  public GbParameters gb() {
    return gb;
  }

  /** Bonds to hydrogen, flat atom pairs: the distance constraints of dynamics. */
  public int[] constraintAtoms() {
    return constraintAtoms;
  }

  /** Constrained distances (nm), the ff14SB equilibrium lengths. */
  public double[] constraintLength() {
    return constraintLength;
  }

  /**
   * Per-atom GBn2 parameters.
   *
   * @param radius intrinsic radius rho (nm)
   * @param offsetRadius {@code or = rho - offset} (nm)
   * @param scaledRadius {@code sr = screen * or} (nm)
   * @param alpha Born-radius rescaling alpha
   * @param beta Born-radius rescaling beta
   * @param gamma Born-radius rescaling gamma
   * @param radiusIndex index of the atom's offset radius among the distinct ones
   * @param neckM0 neck heights (1/nm), {@code [radiusIndex_a * n + radiusIndex_b]}
   * @param neckD0 neck positions (nm), same layout
   * @param distinctRadii n, the number of distinct offset radii
   */
  public record GbParameters(double[] radius, double[] offsetRadius, double[] scaledRadius, double[] alpha,
      double[] beta, double[] gamma, int[] radiusIndex, double[] neckM0, double[] neckD0, int distinctRadii) {}
}
