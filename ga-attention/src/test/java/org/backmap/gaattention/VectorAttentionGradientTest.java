package org.backmap.gaattention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradCheck;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.gaattention.Environments.Batch;
import org.backmap.nn.Rng;
import org.junit.jupiter.api.Test;

/** Gradients of the encoder against central finite differences in float64, and exact zeros for padding. */
class VectorAttentionGradientTest {

  private static final double STEP = 1e-6;
  private static final double TOLERANCE = 1e-6;

  private static VectorAttentionEncoder smallEncoder(long seed) {
    return new VectorAttentionEncoder(new VectorAttentionConfig(6, 3, 2, DType.F64), Rng.seeded(seed));
  }

  @Test
  void coordinateGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(21);
    VectorAttentionEncoder enc = smallEncoder(1);
    Batch batch = Environments.random(rng, DType.F64, 5, 3, 5, 3);
    GradCheck.Result result = GradCheck.check(t -> enc.describe(t[0], batch.classes(), batch.mask()), STEP,
        rng.generator(), batch.r());
    assertTrue(result.maxError() < TOLERANCE, result::toString);
  }

  @Test
  void parameterGradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(22);
    VectorAttentionEncoder enc = smallEncoder(2);
    // LayerNorm starts at gamma = 1, beta = 0: move every parameter off its initial symmetry
    for (Tensor p : enc.parameters()) {
      for (int i = 0; i < p.size(); i++) {
        p.setFlat(i, p.getFlat(i) + 0.1 * rng.nextGaussian());
      }
    }
    Batch batch = Environments.random(rng, DType.F64, 4, 3, 4, 3);
    Tensor weights = Tensor.uniform(rng.generator(), DType.F64, 0.5, 1.5, 2, 6);
    enc.zeroGrad();
    loss(enc, batch, weights).backward();
    double worst = 0;
    String where = "";
    for (Map.Entry<String, Tensor> e : enc.namedParameters().entrySet()) {
      Tensor p = e.getValue();
      assertNotNull(p.grad(), () -> "no gradient reached " + e.getKey());
      double[] data = p.doubleData();
      for (int i = 0; i < data.length; i++) {
        double saved = data[i];
        data[i] = saved + STEP;
        double plus = value(enc, batch, weights);
        data[i] = saved - STEP;
        double minus = value(enc, batch, weights);
        data[i] = saved;
        double numeric = (plus - minus) / (2 * STEP);
        double error = Math.abs(p.grad().getFlat(i) - numeric) / Math.max(1, Math.abs(numeric));
        if (!(error <= worst)) {
          worst = error;
          where = e.getKey() + "[" + i + "]: analytic " + p.grad().getFlat(i) + ", numeric " + numeric;
        }
      }
    }
    double w = worst;
    String at = where;
    assertTrue(worst < TOLERANCE, () -> "max error " + w + " at " + at);
  }

  @Test
  void paddedParticlesGetExactlyZeroGradient() {
    Rng rng = Rng.seeded(23);
    VectorAttentionEncoder enc = new VectorAttentionEncoder(VectorAttentionConfig.of(8, 4), Rng.seeded(3));
    Batch batch = Environments.random(rng, DType.F32, 7, 4, 4, 7, 2);
    Tensor r = batch.r().copy().requiresGrad(true);
    Tensor w = Tensor.randn(rng.generator(), DType.F32, 3, 8);
    enc.describe(r, batch.classes(), batch.mask()).mul(w).sum().backward();
    Tensor g = r.grad();
    int checked = 0;
    for (int p = 0; p < 3 * 7; p++) {
      for (int k = 0; k < 3; k++) {
        double gk = g.getFlat(p * 3 + k);
        if (batch.mask().getFlat(p) == 0) {
          assertTrue(gk == 0.0, "padded particle " + p + " has gradient " + gk);
          checked++;
        } else {
          assertTrue(gk != 0.0 && Double.isFinite(gk), "real particle " + p + " has gradient " + gk);
        }
      }
    }
    assertEquals(3 * (3 + 0 + 5), checked);
  }

  private static Tensor loss(VectorAttentionEncoder enc, Batch batch, Tensor weights) {
    return enc.describe(batch.r(), batch.classes(), batch.mask()).mul(weights).sum();
  }

  private static double value(VectorAttentionEncoder enc, Batch batch, Tensor weights) {
    try (var _ = GradMode.noGrad()) {
      return loss(enc, batch, weights).item();
    }
  }
}
