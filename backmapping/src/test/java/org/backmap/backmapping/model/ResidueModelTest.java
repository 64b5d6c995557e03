package org.backmap.backmapping.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.backmap.autodiff.Tensor;
import org.backmap.backmapping.Fixtures;
import org.backmap.flows.ConditionalFlow;
import org.backmap.md.dataset.DatasetReader;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingSet;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidueModelTest {

  @TempDir static Path tmp;
  static TrainingSet data;

  @BeforeAll
  static void extract() {
    data = TrainingSet.open(Fixtures.extracted(tmp));
  }

  /** The first {@code n} training examples of {@code type}. */
  static ExampleBatch batch(String type, int n) {
    try (DatasetReader r = data.reader(type, Split.TRAIN, n)) {
      return r.next();
    }
  }

  @Test
  void presetsFollowTheSideChainSize() {
    Map<String, Integer> width = Map.of("ALA", 10, "CYS", 20, "SER", 20, "PRO", 30, "THR", 30, "VAL", 30, "LEU", 40,
        "GLN", 50, "HIP", 60, "ARG", 70);
    width.forEach((type, e) -> assertEquals(e, ModelConfig.of(Preset.REFERENCE, type, 1).width(), type));
    assertEquals(80, ModelConfig.of(Preset.REFERENCE, "TYR", 1).width());
    assertEquals(100, ModelConfig.of(Preset.REFERENCE, "TRP", 1).width());
    ModelConfig leu = ModelConfig.of(Preset.REFERENCE, "LEU", 1);
    assertEquals(List.of(150, 2, 3, 20, 100, 29, 13), List.of(leu.particles(), leu.attentionBlocks(), leu.flowBlocks(),
        leu.bins(), leu.madeHidden(), leu.dims(), (int) leu.torsions().stream().filter(t -> t).count()));
    // 13 placed atoms (3 heavy, 10 hydrogens): 3 bonds, 13 angles, 13 torsions
    ModelConfig def = ModelConfig.of(Preset.DEFAULT, "LEU", 1);
    assertEquals(List.of(32, 16, 1, 2, 8), List.of(def.particles(), def.width(), def.attentionBlocks(),
        def.flowBlocks(), def.bins()));
    assertTrue(def.flowOnTorsionsOnly());
    ModelConfig gly = ModelConfig.of(Preset.DEFAULT, "GLY", 1);
    assertTrue(!gly.conditional() && !gly.flowOnTorsionsOnly());
    assertEquals(6, ModelConfig.of(Preset.REFERENCE, "Nterm", 1).dims());
    assertEquals(4, ModelConfig.of(Preset.REFERENCE, "NPRO", 1).dims());
  }

  @Test
  void logProbIsFiniteOnExtractedExamplesForBothPresets() {
    for (String type : List.of("THR", "GLY")) {
      ExampleBatch b = batch(type, 4);
      for (Preset p : Preset.values()) {
        double[] lp = new ResidueModel(ModelConfig.of(p, type, 3)).logProb(b).toDoubleArray();
        assertEquals(b.size(), lp.length);
        for (double v : lp) {
          assertTrue(Double.isFinite(v), type + " " + p + ": " + v);
        }
      }
    }
  }

  @Test
  void samplesCarryTheirLogProb() {
    for (String type : List.of("THR", "GLY")) {
      ResidueModel model = perturbed(new ResidueModel(ModelConfig.of(Preset.DEFAULT, type, 5)), 0.1, 11);
      Environments env = model.environments(batch(type, 6));
      ConditionalFlow.Sample s = model.sample(env, Rng.seeded(9));
      double[] again = model.logProb(s.values(), env).toDoubleArray();
      double[] drawn = s.logProb().toDoubleArray();
      for (int i = 0; i < drawn.length; i++) {
        assertEquals(drawn[i], again[i], 2e-3 * Math.max(1, Math.abs(drawn[i])), type + " sample " + i);
      }
      int t0 = BatLayout.of(type).torsionOffset();
      for (int i = 0; i < s.values().size(); i++) {
        if (i % model.config().dims() >= t0) {
          assertTrue(Math.abs(s.values().getFlat(i)) <= Math.PI + 1e-6, "torsion in (-pi, pi]");
        }
      }
    }
  }

  @Test
  void samplesFromOneEnvironmentCarryTheirLogProb() {
    ResidueModel model = perturbed(new ResidueModel(ModelConfig.of(Preset.DEFAULT, "THR", 5)), 0.1, 12);
    assertTrue(model.config().beadFrame(), "the default preset reads the bead's frame");
    ExampleBatch b = batch("THR", 3);
    int n = 16;
    ConditionalFlow.Sample s = model.sample(model.environments(b), 2, n, Rng.seeded(4));
    double[] again = model.logProb(s.values(), model.environments(repeated(b, 2, n))).toDoubleArray();
    double[] drawn = s.logProb().toDoubleArray();
    for (int i = 0; i < n; i++) {
      assertEquals(drawn[i], again[i], 2e-3 * Math.max(1, Math.abs(drawn[i])), "sample " + i);
    }
  }

  @Test
  void logProbIsInvariantToMovingTheEnvironmentRigidly() {
    ExampleBatch b = batch("THR", 4);
    SplittableRandom r = new SplittableRandom(4);
    for (Preset p : Preset.values()) {
      ResidueModel model = perturbed(new ResidueModel(ModelConfig.of(p, "THR", 2)), 0.05, 3);
      double[] before = model.logProb(b).toDoubleArray();
      for (int trial = 0; trial < 2; trial++) {
        double[] after = model.logProb(rotated(b, r)).toDoubleArray();
        for (int i = 0; i < before.length; i++) {
          assertEquals(before[i], after[i], 1e-4 * Math.max(1, Math.abs(before[i])), p + " example " + i);
        }
      }
    }
  }

  @Test
  void unconditionalDensityIntegratesToOne() {
    // one torsion on the circle
    ResidueModel circle = perturbed(new ResidueModel(toy(List.of(true), false, 4)), 0.3, 1);
    int n = 4000;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (-Math.PI + (i + 0.5) * 2 * Math.PI / n);
    }
    double integral = sumExp(circle.logProb(Tensor.wrap(x, n, 1), Environments.none(n))) * 2 * Math.PI / n;
    assertEquals(1.0, integral, 1e-4);

    // an angle (a linear dimension, the identity outside [-pi, pi]) and a torsion
    ResidueModel plane = perturbed(new ResidueModel(toy(List.of(false, true), false, 4)), 0.3, 2);
    int m = 300;
    float[] xy = new float[2 * m * m];
    double h = 2 * Math.PI / m;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        xy[2 * (i * m + j)] = (float) (-Math.PI + (i + 0.5) * h);
        xy[2 * (i * m + j) + 1] = (float) (-Math.PI + (j + 0.5) * h);
      }
    }
    double mass = sumExp(plane.logProb(Tensor.wrap(xy, m * m, 2), Environments.none(m * m))) * h * h;
    assertEquals(1.0, mass, 2e-3);
  }

  @Test
  void conditionalDensityIntegratesToOneInEveryEnvironment() {
    ResidueModel model = perturbed(new ResidueModel(toy(List.of(true), true, 4)), 0.3, 6);
    ExampleBatch b = batch("THR", 2);
    int n = 2000;
    for (int e = 0; e < b.size(); e++) {
      ExampleBatch one = repeated(b, e, n);
      float[] x = new float[n];
      for (int i = 0; i < n; i++) {
        x[i] = (float) (-Math.PI + (i + 0.5) * 2 * Math.PI / n);
      }
      double integral = sumExp(model.logProb(Tensor.wrap(x, n, 1), model.environments(one))) * 2 * Math.PI / n;
      assertEquals(1.0, integral, 1e-4, "environment " + e);
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesAlongItself() {
    // float32 model: a directional difference along the normalised gradient, where the slope is largest
    for (String type : List.of("THR", "GLY")) {
      ExampleBatch batch = batch(type, 4);
      ResidueModel model = perturbed(new ResidueModel(ModelConfig.of(Preset.DEFAULT, type, 8)), 0.05, 8);
      model.zeroGrad();
      model.logProb(batch).mean().neg().backward();
      Map<String, double[]> direction = new java.util.LinkedHashMap<>();
      double norm2 = 0;
      for (var e : model.namedParameters().entrySet()) {
        Tensor g = e.getValue().grad();
        double[] d = g == null ? new double[e.getValue().size()] : g.toDoubleArray();
        for (double v : d) {
          norm2 += v * v;
        }
        direction.put(e.getKey(), d);
      }
      double norm = Math.sqrt(norm2);
      direction.values().forEach(d -> {
        for (int i = 0; i < d.length; i++) {
          d[i] /= norm;
        }
      });
      double h = 1e-3;
      double up = shiftedLoss(model, batch, direction, h);
      double down = shiftedLoss(model, batch, direction, -2 * h);
      double numeric = (up - down) / (2 * h);
      assertEquals(norm, numeric, 0.01 * norm, type);
    }
  }

  @Test
  void saveAndLoadGiveTheSameModel() throws Exception {
    ResidueModel model = perturbed(new ResidueModel(ModelConfig.of(Preset.DEFAULT, "THR", 4)), 0.1, 4);
    Path dir = tmp.resolve("models");
    model.save(ResidueModel.manifest(dir, "THR"), null);
    ResidueModel back = ResidueModel.load(dir, "THR");
    assertEquals(model.config(), back.config());
    ExampleBatch b = batch("THR", 3);
    assertArrayEquals(model.logProb(b).toDoubleArray(), back.logProb(b).toDoubleArray());
    CheckpointException missing = assertThrows(CheckpointException.class, () -> ResidueModel.load(dir, "LEU"));
    assertTrue(missing.getMessage().startsWith("no model for residue type LEU in " + dir), missing.getMessage());
  }

  @Test
  void rejectsAnotherTypesBatch() {
    ResidueModel model = new ResidueModel(ModelConfig.of(Preset.DEFAULT, "LEU", 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.logProb(batch("THR", 2)));
    assertEquals("a LEU model reads BAT vectors of 29 values, the batch (THR) has 18", e.getMessage());
  }

  private static double shiftedLoss(ResidueModel model, ExampleBatch b, Map<String, double[]> dir, double step) {
    model.namedParameters().forEach((name, t) -> {
      double[] d = dir.get(name);
      for (int i = 0; i < d.length; i++) {
        t.setFlat(i, t.getFlat(i) + step * d[i]);
      }
    });
    try (var _ = org.backmap.autodiff.GradMode.noGrad()) {
      return model.logProb(b).mean().neg().item();
    }
  }

  /** A small architecture over {@code torsions.size()} dimensions. */
  static ModelConfig toy(List<Boolean> torsions, boolean conditional, int particles) {
    return new ModelConfig("toy", "test", torsions, conditional, particles, 112, 8, 1, 16, 3, 8, 16, false, 7, conditional);
  }

  /** Moves every parameter by a seeded normal step so the flow is far from the identity. */
  static ResidueModel perturbed(ResidueModel model, double sigma, long seed) {
    Rng rng = Rng.seeded(seed);
    for (Tensor t : model.parameters()) {
      for (int i = 0; i < t.size(); i++) {
        t.setFlat(i, t.getFlat(i) + sigma * rng.nextGaussian());
      }
    }
    return model;
  }

  private static double sumExp(Tensor logProb) {
    double s = 0;
    for (double v : logProb.toDoubleArray()) {
      s += Math.exp(v);
    }
    return s;
  }

  /**
   * {@code b} moved rigidly: every environment rotated about its bead by one random rotation, and beads and roots
   * rotated by the same rotation and shifted by one random translation.
   */
  private static ExampleBatch rotated(ExampleBatch b, SplittableRandom r) {
    double w = r.nextGaussian(), x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
    double n = Math.sqrt(w * w + x * x + y * y + z * z);
    w /= n; x /= n; y /= n; z /= n;
    double[][] m = {
        {1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)},
        {2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)},
        {2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)}};
    float[] env = b.environment().clone();
    for (int p = 0; p < env.length / 3; p++) {
      double[] v = {env[3 * p], env[3 * p + 1], env[3 * p + 2]};
      for (int c = 0; c < 3; c++) {
        env[3 * p + c] = (float) (m[c][0] * v[0] + m[c][1] * v[1] + m[c][2] * v[2]);
      }
    }
    double[] shift = {10 * r.nextGaussian(), 10 * r.nextGaussian(), 10 * r.nextGaussian()};
    double[] bead = moved(b.bead(), m, shift);
    double[] roots = moved(b.roots(), m, shift);
    return new ExampleBatch(b.template(), b.group(), b.size(), b.batDim(), b.bat(), bead, roots, env, b.labels(), b.mask());
  }

  private static double[] moved(double[] xyz, double[][] m, double[] shift) {
    double[] out = new double[xyz.length];
    for (int p = 0; p < xyz.length / 3; p++) {
      for (int c = 0; c < 3; c++) {
        out[3 * p + c] = shift[c] + m[c][0] * xyz[3 * p] + m[c][1] * xyz[3 * p + 1] + m[c][2] * xyz[3 * p + 2];
      }
    }
    return out;
  }

  /** Example {@code i} of {@code b}, {@code n} times. */
  private static ExampleBatch repeated(ExampleBatch b, int i, int n) {
    int env = org.backmap.md.dataset.ExampleExtractor.ENVIRONMENT_SIZE;
    var one = b.example(i);
    double[] bat = new double[n * b.batDim()];
    float[] xyz = new float[n * env * 3];
    byte[] labels = new byte[n * env];
    byte[] mask = new byte[n * env];
    double[] bead = new double[3 * n];
    double[] roots = new double[9 * n];
    for (int k = 0; k < n; k++) {
      System.arraycopy(one.bead(), 0, bead, 3 * k, 3);
      System.arraycopy(one.roots(), 0, roots, 9 * k, 9);
      System.arraycopy(one.bat(), 0, bat, k * b.batDim(), b.batDim());
      System.arraycopy(one.environment(), 0, xyz, k * env * 3, env * 3);
      System.arraycopy(one.labels(), 0, labels, k * env, env);
      System.arraycopy(one.mask(), 0, mask, k * env, env);
    }
    return new ExampleBatch(b.template(), b.group(), n, b.batDim(), bat, bead, roots, xyz, labels, mask);
  }
}
