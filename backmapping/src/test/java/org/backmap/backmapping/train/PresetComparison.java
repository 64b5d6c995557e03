package org.backmap.backmapping.train;

import java.nio.file.Path;
import java.util.Locale;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.backmapping.model.ModelConfig;
import org.backmap.backmapping.model.Preset;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.md.dataset.DatasetReader;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.ShuffledBatches;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingSet;
import org.backmap.nn.optim.Adam;

/**
 * Trains one preset on one residue type for a fixed wall time, then prints the mean validation NLL of the first
 * {@code validation} validation examples. Both presets read the same shuffled training stream (seed 1), so the
 * cheaper one sees more of it in the same time. Not a test; run by hand, one preset per JVM:
 * {@code java --add-modules jdk.incubator.vector -Dbackmap.threads=1 -cp CLASSPATH
 * org.backmap.backmapping.train.PresetComparison DATASET_DIR LEU default 480 1024}.
 */
public final class PresetComparison {
  private PresetComparison() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    String type = args[1];
    Preset preset = Preset.of(args[2]);
    double seconds = Double.parseDouble(args[3]);
    int validation = Integer.parseInt(args[4]);
    // the reference's tape at batch 64 outgrows this machine's memory for wide types: the same gradient is then
    // accumulated over micro-batches (the batch mean is the mean of the micro-batch means, weighted by size)
    int micro = args.length > 5 ? Integer.parseInt(args[5]) : 64;
    TrainingSet data = TrainingSet.open(dataDir);
    ResidueModel model = new ResidueModel(ModelConfig.of(preset, type, 1));
    Adam adam = new Adam(model.namedParameters());
    long t0 = System.nanoTime();
    long examples = 0;
    int batches = 0;
    int epoch = 0;
    double lastLoss = Double.NaN;
    while ((System.nanoTime() - t0) / 1e9 < seconds) {
      try (ShuffledBatches b = data.batches(type, Split.TRAIN, 64, 10_000, ResidueTrainer.shuffleSeed(1, epoch))) {
        while (b.hasNext() && (System.nanoTime() - t0) / 1e9 < seconds) {
          ExampleBatch batch = b.next();
          model.zeroGrad();
          double sum = 0;
          for (int from = 0; from < batch.size(); from += micro) {
            ExampleBatch part = batch.slice(from, Math.min(batch.size(), from + micro));
            Tensor loss = model.logProb(part).sum().neg().mul(1.0 / batch.size());
            sum += loss.item();
            loss.backward();
          }
          lastLoss = sum;
          adam.step();
          examples += batch.size();
          batches++;
        }
      }
      epoch++;
    }
    double trained = (System.nanoTime() - t0) / 1e9;
    double sum = 0;
    long seen = 0;
    try (var _ = GradMode.noGrad(); DatasetReader reader = data.reader(type, Split.VALIDATION, micro)) {
      while (seen < validation && reader.hasNext()) {
        ExampleBatch batch = ResidueTrainer.head(reader.next(), validation - seen);
        sum -= model.logProb(batch).sum().item();
        seen += batch.size();
      }
    }
    System.out.printf(Locale.ROOT,
        "{\"type\":\"%s\",\"preset\":\"%s\",\"parameters\":%d,\"trainSeconds\":%.1f,\"batches\":%d,\"examples\":%d,"
            + "\"lastBatchNll\":%.4f,\"validationExamples\":%d,\"validationNll\":%.4f,\"validationSeconds\":%.1f}%n",
        type, preset.id(), model.parameterCount(), trained, batches, examples, lastLoss, seen, sum / seen,
        (System.nanoTime() - t0) / 1e9 - trained);
  }
}
