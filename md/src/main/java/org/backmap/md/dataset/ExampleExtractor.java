package org.backmap.md.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backmap.md.bat.BatConverter;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.structure.Atom;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;

/**
 * Extracts training examples from a hydrogen-complete topology.
 *
 * <p>For a target residue and group: the target BAT vector, the bead position, and the environment: the
 * {@value #ENVIRONMENT_SIZE} particles nearest the bead within {@value #CUTOFF} Angstrom, drawn from the CG
 * particles of the whole protein (kept atoms labelled by atom type, beads by residue template) and the non-CG
 * atoms of a chosen set of already-decoded residues (labelled by atom type; the target's own atoms never).
 * Targets are amino-acid residues with every template atom present (CYX included: disulfide cysteines train
 * a type of their own, see {@link ResidueType}).
 */
public final class ExampleExtractor {
  /** Environment particles per example. */
  public static final int ENVIRONMENT_SIZE = 150;
  /** Environment cutoff around the bead, Angstrom (0.8 nm). */
  public static final double CUTOFF = 8.0;

  private final Topology topology;
  private final CgStructure cg;
  private final ParticleClasses classes;
  private final double[] cgXyz;
  private final int[] cgLabel;
  private final List<double[]> decodedXyz = new ArrayList<>();
  private final List<int[]> decodedLabel = new ArrayList<>();
  private final java.util.Map<BatGroup, boolean[]> isTarget = new java.util.EnumMap<>(BatGroup.class);

  /** Prepares extraction from {@code topology} (hydrogens completed; incomplete residues serve as environment only). */
  public ExampleExtractor(Topology topology) {
    this.topology = topology;
    this.cg = CgMapper.map(topology, false);
    this.classes = new ParticleClasses(topology.library());
    List<double[]> xyz = new ArrayList<>();
    List<Integer> label = new ArrayList<>();
    for (int i = 0; i < cg.residues().size(); i++) {
      CgResidue r = cg.residues().get(i);
      ResidueTemplate t = topology.residues().get(i).template();
      for (Atom a : r.atoms()) {
        xyz.add(new double[] {a.x(), a.y(), a.z()});
        label.add(classes.ofAtomType(t.atom(t.indexOf(a.name())).type().name()));
      }
      if (r.bead() != null) {
        xyz.add(r.bead());
        label.add(classes.ofBead(t.name()));
      }
      List<Atom> own = topology.residues().get(i).residue().atoms().stream().filter(a -> !CgMapper.KEPT.contains(a.name())).toList();
      double[] dx = new double[3 * own.size()];
      int[] dl = new int[own.size()];
      for (int k = 0; k < own.size(); k++) {
        Atom a = own.get(k);
        dx[3 * k] = a.x();
        dx[3 * k + 1] = a.y();
        dx[3 * k + 2] = a.z();
        dl[k] = classes.ofAtomType(t.atom(t.indexOf(a.name())).type().name());
      }
      decodedXyz.add(dx);
      decodedLabel.add(dl);
    }
    for (BatGroup g : BatGroup.values()) {
      boolean[] ok = new boolean[topology.residues().size()];
      for (ResidueTopology rt : topology.residues()) {
        ok[rt.index()] = ZMatrix.exists(rt.template(), g) && rt.complete() && cg.residues().get(rt.index()).bead() != null;
      }
      isTarget.put(g, ok);
    }
    cgXyz = new double[3 * xyz.size()];
    cgLabel = new int[xyz.size()];
    for (int k = 0; k < xyz.size(); k++) {
      System.arraycopy(xyz.get(k), 0, cgXyz, 3 * k, 3);
      cgLabel[k] = label.get(k);
    }
  }

  /** The CG structure of the topology. */
  public CgStructure cg() {
    return cg;
  }

  /** Indices of the residues that can be targets for {@code group}. */
  public List<Integer> targets(BatGroup group) {
    List<Integer> out = new ArrayList<>();
    boolean[] ok = isTarget.get(group);
    for (int i = 0; i < ok.length; i++) {
      if (ok[i]) {
        out.add(i);
      }
    }
    return out;
  }

  /** Whether residue {@code residue} can be a target for {@code group}. */
  public boolean isTarget(int residue, BatGroup group) {
    return isTarget.get(group)[residue];
  }

  /** Number of residues of the topology. */
  public int residueCount() {
    return topology.residues().size();
  }

  /** The example for residue {@code residue}, group {@code group}, with the non-CG atoms of {@code decoded} in the environment. */
  public TrainingExample extract(int residue, BatGroup group, Set<Integer> decoded) {
    return extract(residue, group, decoded.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The example for residue {@code residue}, group {@code group}, with the non-CG atoms of the residues {@code decoded} in the environment. */
  public TrainingExample extract(int residue, BatGroup group, int[] decoded) {
    ResidueTopology rt = topology.residues().get(residue);
    if (!isTarget(residue, group)) {
      throw new IllegalArgumentException("residue " + rt.label() + " is not a " + group + " target");
    }
    ZMatrix z = ZMatrix.of(topology.library(), rt.template().name(), group);
    double[] xyz = new double[3 * (3 + z.placedCount())];
    z.gather(rt.residue(), xyz, 0);
    double[] bat = new double[z.size()];
    BatConverter.toBat(z, xyz, 1, bat);
    double[] bead = cg.residues().get(residue).bead();

    EnvironmentBuilder near = new EnvironmentBuilder();
    near.reset(bead);
    near.offer(cgXyz, cgLabel, 0, cgLabel.length);
    for (int d : decoded) {
      if (d != residue) {
        near.offer(decodedXyz.get(d), decodedLabel.get(d), 0, decodedLabel.get(d).length);
      }
    }
    float[] env = new float[3 * ENVIRONMENT_SIZE];
    byte[] labels = new byte[ENVIRONMENT_SIZE];
    byte[] mask = new byte[ENVIRONMENT_SIZE];
    near.write(env, labels, mask, 0);
    return new TrainingExample(rt.template().name(), group, bat, bead, java.util.Arrays.copyOf(xyz, 9), env, labels, mask);
  }}
