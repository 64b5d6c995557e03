package org.backmap.backmapping.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.backmap.backmapping.metrics.MetricsReport.Scores;
import org.backmap.md.geometry.CellGrid;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ChainBreaks;
import org.backmap.md.topology.Topology;
import org.backmap.nn.Rng;

/**
 * Quality figures of generated all-atom structures against their reference, as Jones et al. define them for
 * DiAMoNDBack, each over all atoms and over heavy atoms only.
 *
 * <ul>
 *   <li><b>Atoms</b> are matched by chain id, residue number, insertion code and atom name; a generated atom without a
 *       reference atom, or the reverse, or a residue of another name, is a {@link StructureException} naming structure,
 *       residue and atom.
 *   <li><b>Bond score</b>: the fraction of bonds, over all bonds of all generated structures, whose length is within
 *       {@link MetricsOptions#bondTolerance()} (10 %) of the same bond's length in the reference:
 *       {@code |d - d_ref| <= 0.1 d_ref}. The bonds are the reference's topology ({@link Topology#bonds()}): the
 *       ff14SB template bonds of each residue, the peptide bonds C(i)-N(i+1) within a chain, and disulfides. Templates
 *       are assigned as preparation does (a chain break, C-N over 2 A, splits the chain into termini) or, when the
 *       atoms at a break say so, as OpenMM does (no new termini). The heavy-atom score counts the bonds between two
 *       heavy atoms.
 *   <li><b>Clash score</b>: per structure, the fraction of residues (all residues count, glycine too) having a
 *       side-chain atom closer than {@link MetricsOptions#clashDistance()} (1.2 A) to an atom of another residue,
 *       averaged over the structures. Side-chain atoms are every atom but {@link ReferenceAtoms#BACKBONE}: the
 *       backbone N, CA, C, O, OXT and the hydrogens H, H1, H2, H3, HA, HA2, HA3 (so glycine has none); the atoms of a
 *       cap (ACE, NME) other than those names count as side chain. No bond between residues is that short (the
 *       disulfide is 2.05 A), so bonded neighbours never clash. The heavy-atom score takes heavy atoms on both sides.
 *       Pairs are found with a cell grid, in time linear in the atoms.
 *   <li><b>Diversity score</b>: {@code 1 - mean_{i<j} RMSD(g_i, g_j) / mean_i RMSD(g_i, reference)}, coordinates as
 *       they are (no superposition), over the matched atoms. 0: the structures differ from each other as much as from
 *       the reference; 1: they are all alike (and 1 by definition when every structure equals the reference, where
 *       both means are 0). Reported for the whole set and as the mean and standard deviation over
 *       {@link MetricsOptions#bootstrap()} resamples of the set drawn with replacement from the seed (a structure drawn
 *       twice makes a pair at RMSD 0). The resamples are drawn over the structures sorted by RMSD to the reference
 *       (ties by coordinates), so every figure depends on the set of structures, not on their order. Needs at least 2
 *       structures.
 * </ul>
 *
 * <p>Structures are taken one at a time: bond and clash scores are counted as they come, and of each structure only
 * the coordinates of the matched atoms are kept, as {@code float} (12 bytes an atom), for the diversity score, whose
 * pairwise RMSDs (n(n-1)/2 doubles) need them all.
 */
public final class StructureMetrics {
  private StructureMetrics() {}

  /** As {@link #compute(Iterator, Structure, MetricsOptions)} over {@code generated}'s iterator. */
  public static MetricsReport compute(Iterable<? extends Structure> generated, Structure reference, MetricsOptions options) {
    return compute(generated.iterator(), reference, options);
  }

  /**
   * The figures of {@code generated} against {@code reference}, taking the structures one at a time.
   *
   * @throws StructureException when atoms do not match (naming structure, residue and atom), when the reference has no
   *     ff14SB topology, or when there is one structure only
   * @throws IllegalArgumentException when there is no structure
   */
  public static MetricsReport compute(Iterator<? extends Structure> generated, Structure reference, MetricsOptions options) {
    ReferenceAtoms ref = new ReferenceAtoms(reference);
    int[] bonds = bonds(reference);
    int[] heavyBonds = IntStream.range(0, bonds.length / 2).filter(b -> ref.heavy[bonds[2 * b]] && ref.heavy[bonds[2 * b + 1]])
        .flatMap(b -> IntStream.of(bonds[2 * b], bonds[2 * b + 1])).toArray();
    long withinAll = 0, withinHeavy = 0, clashAll = 0, clashHeavy = 0;
    List<float[]> kept = new ArrayList<>();
    String firstSource = null;
    while (generated.hasNext()) {
      Structure s = generated.next();
      firstSource = firstSource == null ? s.source() : firstSource;
      double[] x = ref.match(s);
      withinAll += bondsWithin(x, ref.xyz, bonds, options.bondTolerance());
      withinHeavy += bondsWithin(x, ref.xyz, heavyBonds, options.bondTolerance());
      clashAll += clashingResidues(ref, x, false, options.clashDistance());
      clashHeavy += clashingResidues(ref, x, true, options.clashDistance());
      kept.add(toFloat(x));
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("no generated structures");
    }
    if (kept.size() < 2) {
      throw new StructureException(firstSource, "the only generated structure: the diversity score needs at least 2");
    }
    int n = kept.size();
    float[] refXyz = toFloat(ref.xyz);
    int[] all = IntStream.range(0, ref.count()).toArray();
    int[] heavy = ref.heavyAtoms();
    kept = canonicalOrder(kept, refXyz, all);
    Rng rng = Rng.seeded(options.seed());
    int[][] resamples = new int[options.bootstrap()][n];
    for (int[] r : resamples) {
      Arrays.setAll(r, i -> rng.nextInt(n));
    }
    Diversity.Result dAll = Diversity.of(kept, refXyz, all, resamples);
    Diversity.Result dHeavy = Diversity.of(kept, refXyz, heavy, resamples);
    long residues = (long) ref.residueCount() * n;
    return new MetricsReport(reference.source(), n, ref.residueCount(), options,
        scores(all.length, bonds.length / 2, withinAll / ((double) n * (bonds.length / 2)), clashAll / (double) residues, dAll),
        scores(heavy.length, heavyBonds.length / 2, withinHeavy / ((double) n * (heavyBonds.length / 2)), clashHeavy / (double) residues, dHeavy));
  }

  private static Scores scores(int atoms, int bonds, double bondScore, double clashScore, Diversity.Result d) {
    return new Scores(atoms, bonds, bondScore, clashScore, d.value(), d.mean(), d.std(), d.meanPairwiseRmsd(), d.meanReferenceRmsd());
  }

  /** The reference's bonds as flat pairs of atom indices (structure order); see the class comment for the templates. */
  private static int[] bonds(Structure reference) {
    List<int[]> pairs;
    try {
      pairs = Topology.build(reference, TemplateLibrary.ff14SB(), ChainBreaks.TERMINI).bonds();
    } catch (StructureException termini) {
      try {
        pairs = Topology.build(reference, TemplateLibrary.ff14SB(), ChainBreaks.KEEP).bonds();
      } catch (StructureException keep) {
        throw termini;
      }
    }
    return pairs.stream().flatMapToInt(IntStream::of).toArray();
  }

  /** How many of {@code bonds} have a length at {@code x} within {@code tolerance} (a fraction) of theirs at {@code ref}. */
  private static int bondsWithin(double[] x, double[] ref, int[] bonds, double tolerance) {
    int within = 0;
    for (int b = 0; b < bonds.length; b += 2) {
      double d = distance(x, bonds[b], bonds[b + 1]);
      double d0 = distance(ref, bonds[b], bonds[b + 1]);
      if (Math.abs(d - d0) <= tolerance * d0) {
        within++;
      }
    }
    return within;
  }

  private static double distance(double[] x, int i, int j) {
    double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** Residues with a side-chain atom closer than {@code distance} to an atom of another residue (heavy atoms only, or all). */
  private static int clashingResidues(ReferenceAtoms ref, double[] x, boolean heavyOnly, double distance) {
    CellGrid grid = new CellGrid(distance);
    int[] atomOf = new int[ref.count()];
    for (int i = 0; i < ref.count(); i++) {
      if (!heavyOnly || ref.heavy[i]) {
        atomOf[grid.add(x[3 * i], x[3 * i + 1], x[3 * i + 2])] = i;
      }
    }
    boolean[] clash = new boolean[ref.residueCount()];
    int count = 0;
    for (int i = 0; i < ref.count(); i++) {
      int r = ref.residue[i];
      if (!ref.sideChain[i] || heavyOnly && !ref.heavy[i] || clash[r]) {
        continue;
      }
      grid.forEachWithin(x[3 * i], x[3 * i + 1], x[3 * i + 2], distance, (j, d) -> clash[r] |= ref.residue[atomOf[j]] != r);
      count += clash[r] ? 1 : 0;
    }
    return count;
  }

  /** The structures sorted by RMSD to the reference, ties by coordinates: an order that does not depend on the input's. */
  private static List<float[]> canonicalOrder(List<float[]> structures, float[] reference, int[] atoms) {
    double[] key = structures.stream().mapToDouble(s -> Diversity.rmsd(s, reference, atoms)).toArray();
    return IntStream.range(0, structures.size()).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> key[i]).thenComparing((a, b) -> Arrays.compare(structures.get(a), structures.get(b))))
        .map(structures::get).toList();
  }

  private static float[] toFloat(double[] x) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) x[i];
    }
    return out;
  }
}
