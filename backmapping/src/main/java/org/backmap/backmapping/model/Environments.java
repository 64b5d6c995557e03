package org.backmap.backmapping.model;

import org.backmap.autodiff.Tensor;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.ExampleExtractor;

/**
 * A batch of environments in the encoder's input form: the {@code n} nearest particles of each example,
 * coordinates relative to the bead scaled by {@link ModelConfig#ENVIRONMENT_SCALE}.
 *
 * @param size number of environments B
 * @param r {@code [B, n, 3]} float32 vectors from the bead, or null for unconditional models
 * @param classes {@code [B, n]} float32 class indices, or null
 * @param mask {@code [B, n]} float32, 1 for real particles, or null
 */
public record Environments(int size, Tensor r, Tensor classes, Tensor mask) {

  /** No environment, for unconditional models. */
  public static Environments none(int size) {
    return new Environments(size, null, null, null);
  }

  /** The first {@code particles} particles (nearest first) of every example of {@code batch}. */
  public static Environments of(ExampleBatch batch, int particles) {
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
    return new Environments(b, Tensor.wrap(r, b, particles, 3), Tensor.wrap(classes, b, particles),
        Tensor.wrap(mask, b, particles));
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
