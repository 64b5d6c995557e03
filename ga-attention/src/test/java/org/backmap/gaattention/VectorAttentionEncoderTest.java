package org.backmap.gaattention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.gaattention.Environments.Batch;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.ModelCheckpoints;
import org.backmap.nn.optim.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Invariances, padding, batch independence, shapes and training plumbing of the encoder. */
class VectorAttentionEncoderTest {

  private static final int N = 10;
  private static final int CLASSES = 5;
  private static final int WIDTH = 16;

  private static VectorAttentionEncoder encoder(DType dtype, long seed) {
    return new VectorAttentionEncoder(new VectorAttentionConfig(WIDTH, CLASSES, 2, dtype), Rng.seeded(seed));
  }

  private static double tolerance(DType dtype) {
    return dtype == DType.F32 ? 1e-5 : 1e-12;
  }

  private static Tensor describe(VectorAttentionEncoder enc, Batch batch) {
    try (var _ = GradMode.noGrad()) {
      return enc.describe(batch.r(), batch.classes(), batch.mask());
    }
  }

  @ParameterizedTest
  @EnumSource(value = DType.class)
  void outputIsInvariantToRotations(DType dtype) {
    Rng rng = Rng.seeded(11);
    VectorAttentionEncoder enc = encoder(dtype, 1);
    Batch batch = Environments.random(rng, dtype, N, CLASSES, 10, 7, 3);
    Tensor y = describe(enc, batch);
    assertArrayEquals(new int[] {3, WIDTH}, y.shape());
    double worst = 0;
    for (int trial = 0; trial < 5; trial++) {
      Tensor rotated = Environments.rotate(batch.r(), Environments.randomRotation(rng));
      worst = Math.max(worst, Environments.maxDifference(y,
          describe(enc, new Batch(rotated, batch.classes(), batch.mask()))));
    }
    double w = worst;
    assertTrue(worst <= tolerance(dtype), () -> dtype + " rotation changed the output by " + w);
  }

  @ParameterizedTest
  @EnumSource(value = DType.class)
  void outputIsInvariantToTheOrderOfParticles(DType dtype) {
    Rng rng = Rng.seeded(12);
    VectorAttentionEncoder enc = encoder(dtype, 2);
    Batch batch = Environments.random(rng, dtype, N, CLASSES, 10, 6);
    Tensor y = describe(enc, batch);
    double worst = 0;
    for (int trial = 0; trial < 5; trial++) {
      worst = Math.max(worst, Environments.maxDifference(y,
          describe(enc, Environments.permute(batch, rng.permutation(N)))));
    }
    double w = worst;
    assertTrue(worst <= tolerance(dtype), () -> dtype + " permutation changed the output by " + w);
  }

  @Test
  void paddingChangesNothing() {
    Rng rng = Rng.seeded(13);
    VectorAttentionEncoder enc = encoder(DType.F32, 3);
    Batch batch = Environments.random(rng, DType.F32, N, CLASSES, 10, 7, 2);
    Tensor y = describe(enc, batch);
    // six more padding particles with junk coordinates and classes, appended, then spread between the others
    int wide = N + 6;
    Batch extra = Environments.random(rng, DType.F32, wide, CLASSES, 0, 0, 0);
    Batch padded = new Batch(
        Tensor.concat(1, batch.r(), extra.r().slice(1, N, wide)),
        Tensor.concat(1, batch.classes(), extra.classes().slice(1, N, wide)),
        Tensor.concat(1, batch.mask(), Tensor.zeros(DType.F32, 3, 6)));
    double appended = Environments.maxDifference(y, describe(enc, padded));
    double interleaved = Environments.maxDifference(y, describe(enc, Environments.permute(padded, interleave(rng, N, wide))));
    // padding only changes the order of float32 sums (which depends on the vector width), through several layers: a few
    // ulps of the output (a padding particle that leaked in would move it by orders of magnitude more)
    float largest = 0;
    for (float v : y.floatData()) {
      largest = Math.max(largest, Math.abs(v));
    }
    double ulps = 16 * Math.ulp(largest);
    assertTrue(appended <= ulps, () -> "appended padding changed the output by " + appended + " (allowed " + ulps + ")");
    assertTrue(interleaved <= ulps, () -> "interleaved padding changed the output by " + interleaved + " (allowed " + ulps + ")");
  }

  /** An order that spreads particles {@code [0, n)} over {@code wide} slots, keeping their order, padding between. */
  private static int[] interleave(Rng rng, int n, int wide) {
    boolean[] first = new boolean[wide];
    int[] slots = rng.permutation(wide);
    for (int i = 0; i < n; i++) {
      first[slots[i]] = true;
    }
    int[] order = new int[wide];
    int nextFirst = 0;
    int nextExtra = n;
    for (int p = 0; p < wide; p++) {
      order[p] = first[p] ? nextFirst++ : nextExtra++;
    }
    return order;
  }

  @Test
  void batchItemsDoNotInteract() {
    Rng rng = Rng.seeded(14);
    VectorAttentionEncoder enc = encoder(DType.F32, 4);
    Batch batch = Environments.random(rng, DType.F32, N, CLASSES, 8, 5, 10);
    Batch other = Environments.random(rng, DType.F32, N, CLASSES, 8, 3, 9);
    // item 0 kept, items 1 and 2 replaced
    Batch mixed = new Batch(
        Tensor.concat(0, batch.r().slice(0, 0, 1), other.r().slice(0, 1, 3)),
        Tensor.concat(0, batch.classes().slice(0, 0, 1), other.classes().slice(0, 1, 3)),
        Tensor.concat(0, batch.mask().slice(0, 0, 1), other.mask().slice(0, 1, 3)));
    Tensor single = describe(enc, new Batch(batch.r().slice(0, 0, 1), batch.classes().slice(0, 0, 1),
        batch.mask().slice(0, 0, 1)));
    Tensor y = describe(enc, batch);
    assertEquals(0.0, Environments.maxDifference(y.slice(0, 0, 1), describe(enc, mixed).slice(0, 0, 1)));
    assertEquals(0.0, Environments.maxDifference(y.slice(0, 0, 1), single));
  }

  @Test
  void classIndicesGiveTheSameResultAsOneHot() {
    Rng rng = Rng.seeded(15);
    VectorAttentionEncoder enc = encoder(DType.F64, 5);
    Batch batch = Environments.random(rng, DType.F64, N, CLASSES, 10, 4);
    Tensor indices = Tensor.zeros(DType.F64, 2, N);
    for (int p = 0; p < 2 * N; p++) {
      for (int c = 0; c < CLASSES; c++) {
        if (batch.classes().getFlat(p * CLASSES + c) == 1) {
          indices.setFlat(p, c);
        }
      }
    }
    Tensor viaIndices;
    try (var _ = GradMode.noGrad()) {
      viaIndices = enc.describe(batch.r(), indices, batch.mask());
    }
    assertEquals(0.0, Environments.maxDifference(describe(enc, batch), viaIndices));
  }

  @Test
  void rejectsBadInputs() {
    VectorAttentionEncoder enc = encoder(DType.F64, 6);
    Batch batch = Environments.random(Rng.seeded(16), DType.F64, N, CLASSES, 10, 0);
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> enc.describe(batch.r(), batch.classes(), batch.mask()));
    assertEquals("environment 1 has no real particle", empty.getMessage());
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> enc.describe(batch.r().reshape(2, N * 3), batch.classes(), batch.mask()));
    assertEquals("r must be [B, N, 3], got [2, 30]", shape.getMessage());
    Tensor badIndex = Tensor.full(DType.F64, 7, 2, N);
    IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
        () -> enc.describe(batch.r(), badIndex, batch.mask().fullLike(1)));
    assertEquals("class index 7.0 at [0, 0] is not a whole number in [0, 5)", index.getMessage());
  }

  @Test
  void trainsWithAdamAndRoundTripsThroughACheckpoint(@TempDir Path dir) throws Exception {
    Rng rng = Rng.seeded(17);
    VectorAttentionEncoder enc = encoder(DType.F32, 7);
    Batch batch = Environments.random(rng, DType.F32, N, CLASSES, 9, 6);
    Adam adam = new Adam(enc.namedParameters());
    double first = Double.NaN;
    double last = Double.NaN;
    for (int step = 0; step < 30; step++) {
      adam.zeroGrad();
      Tensor loss = enc.describe(batch.r(), batch.classes(), batch.mask()).sub(0.5).square().mean();
      loss.backward();
      adam.step();
      last = loss.item();
      if (step == 0) {
        first = last;
      }
    }
    double f = first;
    double l = last;
    assertTrue(last < 0.5 * first, () -> "loss went from " + f + " to " + l);

    Path manifest = dir.resolve("model.json");
    ModelCheckpoints.save(manifest, new ObjectMapper().valueToTree(enc.config()), enc);
    VectorAttentionEncoder restored = encoder(DType.F32, 99);
    ModelCheckpoints.load(manifest, restored);
    assertEquals(0.0, Environments.maxDifference(describe(enc, batch), describe(restored, batch)));
    assertTrue(enc.namedParameters().containsKey("blocks.1.attention.value.norm.gamma"));
    assertTrue(enc.namedParameters().containsKey("pool.joinTuple"));
  }
}
