package org.backmap.gaattention;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Rng;

/** Random padded environments and their transformations, for the invariance tests. */
final class Environments {

  /** Vectors {@code [B, N, 3]}, one-hot classes {@code [B, N, C]}, mask {@code [B, N]}. */
  record Batch(Tensor r, Tensor classes, Tensor mask) {}

  private Environments() {}

  /** {@code real[b]} real particles (standard normal vectors, random classes) then padding with junk values. */
  static Batch random(Rng rng, DType dtype, int n, int classes, int... real) {
    int b = real.length;
    Tensor r = Tensor.zeros(dtype, b, n, 3);
    Tensor c = Tensor.zeros(dtype, b, n, classes);
    Tensor m = Tensor.zeros(dtype, b, n);
    for (int i = 0; i < b; i++) {
      for (int p = 0; p < n; p++) {
        boolean isReal = p < real[i];
        for (int k = 0; k < 3; k++) {
          r.setFlat((i * n + p) * 3 + k, isReal ? rng.nextGaussian() : 50 * rng.nextGaussian());
        }
        c.setFlat((i * n + p) * classes + rng.generator().nextInt(classes), 1.0);
        m.setFlat(i * n + p, isReal ? 1 : 0);
      }
    }
    return new Batch(r, c, m);
  }

  /** A uniformly random rotation matrix (from a normalised Gaussian quaternion). */
  static double[][] randomRotation(Rng rng) {
    double w = rng.nextGaussian();
    double x = rng.nextGaussian();
    double y = rng.nextGaussian();
    double z = rng.nextGaussian();
    double s = Math.sqrt(w * w + x * x + y * y + z * z);
    w /= s;
    x /= s;
    y /= s;
    z /= s;
    return new double[][] {
        {1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)},
        {2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)},
        {2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)}};
  }

  /** Every vector rotated by {@code rot} (computed in float64, stored in the tensor's dtype). */
  static Tensor rotate(Tensor r, double[][] rot) {
    Tensor out = r.copy();
    for (int v = 0; v < r.size() / 3; v++) {
      for (int a = 0; a < 3; a++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += rot[a][k] * r.getFlat(v * 3 + k);
        }
        out.setFlat(v * 3 + a, s);
      }
    }
    return out;
  }

  /** Particles reordered along axis 1: new particle p is old particle {@code order[p]}. */
  static Batch permute(Batch batch, int[] order) {
    return new Batch(batch.r().indexSelect(1, order), batch.classes().indexSelect(1, order),
        batch.mask().indexSelect(1, order));
  }

  /** Largest {@code |a - b|} over all elements. */
  static double maxDifference(Tensor a, Tensor b) {
    double worst = 0;
    for (int i = 0; i < a.size(); i++) {
      worst = Math.max(worst, Math.abs(a.getFlat(i) - b.getFlat(i)));
    }
    return worst;
  }
}
