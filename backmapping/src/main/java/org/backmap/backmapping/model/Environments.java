package org.backmap.backmapping.model;

import java.util.Arrays;
import org.backmap.autodiff.Tensor;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.ExampleExtractor;
import org.backmap.md.geometry.Vec3;

/**
 * A batch of environments in the encoder's input form: the {@code n} nearest particles of each example,
 * coordinates relative to the bead scaled by {@link ModelConfig#ENVIRONMENT_SCALE}.
 *
 * @param size number of environments B
 * @param r {@code [B, n, 3]} float32 vectors from the bead, or null for unconditional models
 * @param classes {@code [B, n]} float32 class indices, or null
 * @param mask {@code [B, n]} float32, 1 for real particles, or null
 * @param frame {@code [B, 3]} float32 bead position in the frame of the group's roots ({@link #frameOf}), or null
 */
public record Environments(int size, Tensor r, Tensor classes, Tensor mask, Tensor frame) {

  /** Values per example in {@link #frame()}. */
  public static final int FRAME_DIMS = 3;

  /** No environment, for unconditional models. */
  public static Environments none(int size) {
    return new Environments(size, null, null, null, null);
  }

  /** The first {@code particles} particles (nearest first) of every example of {@code batch}, without frames. */
  public static Environments of(ExampleBatch batch, int particles) {
    return of(batch, particles, false);
  }

  /**
   * The first {@code particles} particles (nearest first) of every example of {@code batch}, and with
   * {@code withFrame} each bead's position in its roots' frame ({@link #frameOf}).
   */
  public static Environments of(ExampleBatch batch, int particles, boolean withFrame) {
    int env = ExampleExtractor.ENVIRONMENT_SIZE;
    int b = batch.size();
    float[] r = new float[b * particles * 3];
    float[] classes = new float[b * particles];
    float[] mask = new float[b * particles];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < particles; k++) {
        int src = i * env + k;
        int dst = i * particles + k;
        for (int c = 0; c < 3; c++) {
          r[3 * dst + c] = (float) (batch.environment()[3 * src + c] * ModelConfig.ENVIRONMENT_SCALE);
        }
        classes[dst] = batch.labels()[src];
        mask[dst] = batch.mask()[src];
      }
    }
    Tensor frame = null;
    if (withFrame) {
      float[] f = new float[b * FRAME_DIMS];
      double[] one = new double[FRAME_DIMS];
      for (int i = 0; i < b; i++) {
        frameOf(batch.roots(), 9 * i, batch.bead(), 3 * i, one);
        for (int c = 0; c < FRAME_DIMS; c++) {
          f[FRAME_DIMS * i + c] = (float) one[c];
        }
      }
      frame = Tensor.wrap(f, b, FRAME_DIMS);
    }
    return new Environments(b, Tensor.wrap(r, b, particles, 3), Tensor.wrap(classes, b, particles),
        Tensor.wrap(mask, b, particles), frame);
  }

  /**
   * The bead's coordinates (Angstrom) in the right-handed frame of three roots r0, r1, r2 (for a side chain C, CA,
   * CB): origin r2, first axis along r2 - r1, second along the part of r0 - r1 perpendicular to it. Unchanged by
   * rotating and translating bead and roots together; changes sign under a reflection, which is what tells the
   * gauche torsions apart.
   *
   * @throws IllegalArgumentException if the roots are collinear, coincide or are not finite
   */
  public static void frameOf(double[] roots, int rootsFrom, double[] bead, int beadFrom, double[] out) {
    double[] r0 = Arrays.copyOfRange(roots, rootsFrom, rootsFrom + 3);
    double[] r1 = Arrays.copyOfRange(roots, rootsFrom + 3, rootsFrom + 6);
    double[] r2 = Arrays.copyOfRange(roots, rootsFrom + 6, rootsFrom + 9);
    double[] p = Vec3.sub(Arrays.copyOfRange(bead, beadFrom, beadFrom + 3), r2);
    double[] e1 = Vec3.sub(r2, r1);
    double n1 = Math.sqrt(Vec3.dot(e1, e1));
    e1 = Vec3.scale(e1, 1 / n1);
    double[] u = Vec3.sub(r0, r1);
    u = Vec3.sub(u, Vec3.scale(e1, Vec3.dot(u, e1)));
    double n2 = Math.sqrt(Vec3.dot(u, u));
    if (!(n1 > 1e-6 && n2 > 1e-6 * n1) || !Double.isFinite(Vec3.dot(p, p))) {
      throw new IllegalArgumentException("the roots of a bead's frame are collinear, coincide or are not finite");
    }
    double[] e2 = Vec3.scale(u, 1 / n2);
    double[] e3 = Vec3.cross(e1, e2);
    out[0] = Vec3.dot(p, e1);
    out[1] = Vec3.dot(p, e2);
    out[2] = Vec3.dot(p, e3);
  }

  /** The BAT vectors of {@code batch} as a float32 {@code [B, D]} tensor. */
  public static Tensor bat(ExampleBatch batch) {
    float[] x = new float[batch.bat().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) batch.bat()[i];
    }
    return Tensor.wrap(x, batch.size(), batch.batDim());
  }

  /** Whether this batch carries environments. */
  public boolean present() {
    return r != null;
  }
}
