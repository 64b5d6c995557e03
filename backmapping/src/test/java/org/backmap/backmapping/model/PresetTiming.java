package org.backmap.backmapping.model;

import java.util.Locale;
import java.util.SplittableRandom;
import org.backmap.autodiff.Tensor;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.ExampleExtractor;
import org.backmap.md.dataset.ResidueType;

/**
 * Forward + backward time of one batch of 64 for each preset on one residue type, with every environment full
 * (150 real particles: the attention cost does not depend on the mask). Not a test; run by hand:
 * {@code java --add-modules jdk.incubator.vector -cp CLASSPATH org.backmap.backmapping.model.PresetTiming LEU}.
 */
public final class PresetTiming {
  private PresetTiming() {}

  public static void main(String[] args) {
    String type = args.length > 0 ? args[0] : "LEU";
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    ExampleBatch batch = batch(type, 64, new SplittableRandom(1));
    for (Preset p : new Preset[] {Preset.DEFAULT, Preset.REFERENCE}) {
      ResidueModel model = new ResidueModel(ModelConfig.of(p, type, 1));
      step(model, batch); // warm-up
      double best = Double.POSITIVE_INFINITY;
      double sum = 0;
      for (int i = 0; i < repeats; i++) {
        long t0 = System.nanoTime();
        step(model, batch);
        double s = (System.nanoTime() - t0) / 1e9;
        best = Math.min(best, s);
        sum += s;
      }
      System.out.printf(Locale.ROOT, "%s %s: %d parameters, forward + backward of 64: mean %.3f s, best %.3f s (%d runs)%n",
          type, p.id(), model.parameterCount(), sum / repeats, best, repeats);
    }
  }

  private static void step(ResidueModel model, ExampleBatch batch) {
    model.zeroGrad();
    Tensor loss = model.logProb(batch).mean().neg();
    loss.backward();
  }

  private static ExampleBatch batch(String type, int n, SplittableRandom r) {
    BatLayout layout = BatLayout.of(type);
    int env = ExampleExtractor.ENVIRONMENT_SIZE;
    double[] bat = new double[n * layout.dims()];
    for (int i = 0; i < bat.length; i++) {
      int d = i % layout.dims();
      bat[i] = d < layout.heavyAtoms() ? 1.5 : d < layout.torsionOffset() ? 1.9 : 2 * Math.PI * (r.nextDouble() - 0.5);
    }
    float[] xyz = new float[n * env * 3];
    byte[] labels = new byte[n * env];
    byte[] mask = new byte[n * env];
    for (int k = 0; k < n * env; k++) {
      for (int c = 0; c < 3; c++) {
        xyz[3 * k + c] = k % env == 0 ? 0f : (float) (9 * (r.nextDouble() - 0.5));
      }
      labels[k] = (byte) r.nextInt(112);
      mask[k] = 1;
    }
    return new ExampleBatch(type, ResidueType.groupOf(type), n, layout.dims(), bat, new double[3 * n], new double[9 * n], xyz, labels, mask);
  }
}
