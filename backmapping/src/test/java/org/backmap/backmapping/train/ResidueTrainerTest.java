package org.backmap.backmapping.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.backmapping.Fixtures;
import org.backmap.backmapping.model.ModelConfig;
import org.backmap.backmapping.model.Preset;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.md.dataset.DatasetReader;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingExample;
import org.backmap.md.dataset.TrainingSet;
import org.backmap.nn.checkpoint.Checkpoint;
import org.backmap.nn.checkpoint.CheckpointException;
import org.backmap.nn.checkpoint.CheckpointReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidueTrainerTest {

  @TempDir static Path tmp;
  static Path threonine;
  static Path glycine;

  @BeforeAll
  static void data() {
    threonine = Fixtures.synthetic(tmp.resolve("thr"), "THR", 96, 32, 5, Fixtures::threonine);
    glycine = Fixtures.synthetic(tmp.resolve("gly"), "GLY", 512, 128, 6, Fixtures::glycine);
  }

  static TrainingOptions small() {
    return TrainingOptions.defaults().withEpochs(3).withBatchSize(16).withSeed(4);
  }

  @Test
  void trainingLowersTheValidationNll() throws Exception {
    Path out = tmp.resolve("gly-models");
    TrainingOptions options = TrainingOptions.defaults().withEpochs(8).withSeed(2);
    double before = validationNll(new ResidueModel(ModelConfig.of(Preset.DEFAULT, "GLY", 2)), glycine, "GLY");
    TrainingResult r = new ResidueTrainer(glycine, out, options).train("GLY", TrainingListener.NONE, () -> false);
    assertEquals(TrainingResult.Outcome.FINISHED, r.outcome());
    assertEquals(8, r.history().size());
    double first = r.history().getFirst().validationNll();
    // measured with these seeds: 19.8 nats before, 17.7 after one epoch, 8.7 after eight
    assertTrue(first < before - 1, before + " -> " + first);
    assertTrue(r.bestValidationNll() < first - 2, first + " -> " + r.bestValidationNll());
    ResidueModel best = ResidueModel.load(out, "GLY");
    assertEquals(r.bestValidationNll(), validationNll(best, glycine, "GLY"), 1e-4);
    JsonNode manifest = new ObjectMapper().readTree(ResidueModel.manifest(out, "GLY").toFile()).path("config");
    assertEquals("GLY", manifest.path("type").asText());
    assertEquals("default", manifest.path("preset").asText());
    assertEquals(8, manifest.path("epochs").asInt());
    assertEquals(512, manifest.path("examples").path("train").asInt());
    assertEquals(r.bestValidationNll(), manifest.path("bestValidationNll").asDouble());
    assertEquals(64, manifest.path("dataManifestSha256").asText().length());
    assertEquals(4, manifest.path("config").path("torsions").size());
    JsonNode log = new ObjectMapper().readTree(out.resolve("GLY").resolve(ResidueTrainer.LOG).toFile());
    assertEquals(8, log.path("epochs").size());
    assertTrue(log.path("epochs").get(0).path("examplesPerSecond").asDouble() > 0);
  }

  @Test
  void aStoppedRunResumesBitForBit() throws Exception {
    Path straight = tmp.resolve("straight");
    TrainingResult all = new ResidueTrainer(threonine, straight, small()).train("THR", TrainingListener.NONE, () -> false);
    assertEquals(3, all.epochsDone());

    // stop after one epoch and a half: 6 batches per epoch, stop before batch 10
    Path resumed = tmp.resolve("resumed");
    AtomicInteger batches = new AtomicInteger();
    TrainingListener count = new TrainingListener() {
      @Override
      public void batchDone(String type, int epoch, int epochs, int batch, int perEpoch, double loss) {
        batches.incrementAndGet();
      }
    };
    TrainingResult first = new ResidueTrainer(threonine, resumed, small()).train("THR", count, () -> batches.get() == 9);
    assertEquals(TrainingResult.Outcome.STOPPED, first.outcome());
    assertEquals(1, first.epochsDone());
    JsonNode state = new ObjectMapper().readTree(resumed.resolve("THR").resolve(ResidueTrainer.RESUME).toFile())
        .path("config");
    assertEquals(3, state.path("batchesDone").asInt());
    assertEquals(1, state.path("epochsDone").asInt());
    assertFalse(new ResidueTrainer(threonine, resumed, small()).finished("THR"));

    TrainingResult second = new ResidueTrainer(threonine, resumed, small()).train("THR", count, () -> false);
    assertEquals(TrainingResult.Outcome.FINISHED, second.outcome());
    assertEquals(18, batches.get());
    for (String file : new String[] {ResidueTrainer.RESUME, ResidueModel.MANIFEST}) {
      Checkpoint a = CheckpointReader.read(straight.resolve("THR").resolve(file));
      Checkpoint b = CheckpointReader.read(resumed.resolve("THR").resolve(file));
      assertEquals(a.tensors().keySet(), b.tensors().keySet());
      for (Map.Entry<String, Tensor> e : a.tensors().entrySet()) {
        assertArrayEquals(e.getValue().toDoubleArray(), b.tensors().get(e.getKey()).toDoubleArray(), file + " " + e.getKey());
      }
    }
    for (int i = 0; i < 3; i++) {
      EpochRecord x = all.history().get(i);
      EpochRecord y = second.history().get(i);
      assertEquals(x.trainNll(), y.trainNll());
      assertEquals(x.validationNll(), y.validationNll());
    }
    assertTrue(new ResidueTrainer(threonine, resumed, small()).finished("THR"));
    assertEquals(TrainingResult.Outcome.ALREADY_FINISHED,
        new ResidueTrainer(threonine, resumed, small()).train("THR", TrainingListener.NONE, () -> false).outcome());
  }

  @Test
  void anotherRunsStateIsRefused() throws Exception {
    Path out = tmp.resolve("clash");
    TrainingOptions one = small().withEpochs(1).withMaxExamples(32);
    new ResidueTrainer(threonine, out, one).train("THR", TrainingListener.NONE, () -> false);
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> new ResidueTrainer(threonine, out, one.withSeed(9)).train("THR", TrainingListener.NONE, () -> false));
    assertTrue(e.getMessage().contains("holds training of another run (seed 4, this run 9)"), e.getMessage());
  }

  @Test
  void aNonFiniteLossStopsWithTheLastGoodStateKept() throws Exception {
    // validation examples with a NaN bond: the first epoch trains, its validation NLL is NaN
    AtomicBoolean validation = new AtomicBoolean();
    AtomicInteger drawn = new AtomicInteger();
    Path bad = Fixtures.synthetic(tmp.resolve("nan"), "THR", 32, 8, 3, r -> {
      TrainingExample ex = Fixtures.threonine(r);
      if (drawn.incrementAndGet() > 32) {
        ex.bat()[0] = Double.NaN;
        validation.set(true);
      }
      return ex;
    });
    assertTrue(validation.get());
    Path out = tmp.resolve("nan-models");
    TrainingOptions options = small().withCheckpointInterval(Duration.ZERO);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> new ResidueTrainer(bad, out, options).train("THR", TrainingListener.NONE, () -> false));
    assertEquals("validation NLL of THR is NaN at the validation pass of epoch 1; training stopped; the last good "
        + "training state is kept in " + out.resolve("THR").resolve(ResidueTrainer.RESUME) + " and no model was "
        + "saved yet", e.getMessage());
    JsonNode state = new ObjectMapper().readTree(out.resolve("THR").resolve(ResidueTrainer.RESUME).toFile()).path("config");
    assertEquals(0, state.path("epochsDone").asInt());
    assertEquals(2, state.path("batchesDone").asInt());
    assertFalse(Files.exists(ResidueModel.manifest(out, "THR")));
  }

  @Test
  void typesWithoutExamplesAreNamed() {
    ResidueTrainer trainer = new ResidueTrainer(threonine, tmp.resolve("none"), small());
    assertEquals("no training examples of LEU", trainer.untrainable("LEU"));
    MissingExamplesException e = assertThrows(MissingExamplesException.class,
        () -> trainer.train("LEU", TrainingListener.NONE, () -> false));
    assertEquals("no training examples of LEU in " + threonine, e.getMessage());
  }

  @Test
  void theScheduleFollowsTheReferenceWithinTheBudget() {
    EpochSchedule s = EpochSchedule.defaults();
    assertEquals(20, s.epochs("LEU", 8000)); // the reference's 20, within 160,000 examples
    assertEquals(20, s.epochs("ARG", 8000)); // the reference's 40, cut by the budget
    assertEquals(10, s.epochs("GLY", 8000)); // unconditional: 10
    assertEquals(35, s.epochs("CYS", 4586)); // 100, cut to ceil(160,000 / 4,586)
    assertEquals(70, s.epochs("HIE", 2308));
    assertEquals(300, s.epochs("HIP", 133)); // 2,000, cut by the most epochs
    assertEquals(5, new EpochSchedule(1000, 5).epochs("HIE", 10));
    assertEquals(1, new EpochSchedule(10, 5).epochs("LEU", 8000));
    assertThrows(IllegalArgumentException.class, () -> new EpochSchedule(0, 5));
    // the trainer applies it to the examples an epoch takes
    ResidueTrainer scheduled = new ResidueTrainer(glycine, tmp.resolve("scheduled"),
        TrainingOptions.defaults().withEpochs(0).withSchedule(new EpochSchedule(1024, 300)));
    assertEquals(2, scheduled.epochs("GLY"));
    ResidueTrainer capped = new ResidueTrainer(glycine, tmp.resolve("capped"),
        TrainingOptions.defaults().withEpochs(0).withMaxExamples(100).withSchedule(new EpochSchedule(1024, 300)));
    assertEquals(10, capped.epochs("GLY"));
    assertEquals(7, new ResidueTrainer(glycine, tmp.resolve("fixed"), small().withEpochs(7)).epochs("GLY"));
  }

  @Test
  void cappedEpochsStartAtDifferentPlacesOfTheStream() {
    ResidueTrainer whole = new ResidueTrainer(glycine, tmp.resolve("whole"), small());
    ResidueTrainer capped = new ResidueTrainer(glycine, tmp.resolve("part"), small().withMaxExamples(64));
    java.util.Set<Long> starts = new java.util.HashSet<>();
    for (int epoch = 0; epoch < 8; epoch++) {
      long seed = ResidueTrainer.shuffleSeed(4, epoch);
      assertEquals(0, whole.startExample("GLY", seed));
      long start = capped.startExample("GLY", seed);
      assertTrue(start >= 0 && start < 512, "start " + start);
      assertEquals(start, capped.startExample("GLY", seed), "fixed by the epoch's seed");
      starts.add(start);
    }
    assertTrue(starts.size() >= 6, starts.toString());
  }

  @Test
  void aTypeWithoutValidationExamplesKeepsItsLatestWeights() throws Exception {
    Path data = Fixtures.synthetic(tmp.resolve("gly-no-validation"), "GLY", 64, 0, 9, Fixtures::glycine);
    Path out = tmp.resolve("no-validation-models");
    ResidueTrainer trainer = new ResidueTrainer(data, out, small().withEpochs(2));
    assertNull(trainer.untrainable("GLY"));
    TrainingResult r = trainer.train("GLY", TrainingListener.NONE, () -> false);
    assertEquals(2, r.epochsDone());
    assertEquals(2, r.bestEpoch(), "the latest epoch is the model");
    assertTrue(Double.isNaN(r.history().get(1).validationNll()));
    assertTrue(r.history().get(0).improved() && r.history().get(1).improved());
    assertTrue(Files.exists(ResidueModel.manifest(out, "GLY")));
    assertTrue(trainer.finished("GLY"));
  }

  @Test
  void fineTuningStartsFromTheGivenModelAndKeepsItUnlessAnEpochBeatsIt() throws Exception {
    Path base = tmp.resolve("fine-tune-base");
    TrainingOptions options = TrainingOptions.defaults().withEpochs(3).withSeed(2);
    TrainingResult first = new ResidueTrainer(glycine, base, options).train("GLY", TrainingListener.NONE, () -> false);
    double start = validationNll(ResidueModel.load(base, "GLY"), glycine, "GLY");
    assertEquals(first.bestValidationNll(), start, 1e-4);

    // a learning rate too small to change anything: no epoch beats the starting weights, which stay the model
    Path still = tmp.resolve("fine-tune-still");
    TrainingOptions frozen = options.withEpochs(1).withInitialModels(base).withLearningRate(1e-30);
    TrainingResult r = new ResidueTrainer(glycine, still, frozen).train("GLY", TrainingListener.NONE, () -> false);
    assertEquals(0, r.bestEpoch(), "the starting weights stay best");
    assertEquals(start, r.bestValidationNll(), 1e-4);
    assertEquals(start, validationNll(ResidueModel.load(still, "GLY"), glycine, "GLY"), 1e-4);
    JsonNode info = new ObjectMapper().readTree(ResidueModel.manifest(still, "GLY").toFile()).path("config");
    assertEquals(64, info.path("initialModelSha256").asText().length());
    assertEquals(1e-30, info.path("learningRate").asDouble());

    // fine-tuning with the default rate goes on from there: its first epoch is far below a fresh run's first
    Path tuned = tmp.resolve("fine-tune");
    TrainingResult t = new ResidueTrainer(glycine, tuned, options.withEpochs(2).withInitialModels(base))
        .train("GLY", TrainingListener.NONE, () -> false);
    double fresh = first.history().getFirst().validationNll();
    assertTrue(t.history().getFirst().validationNll() < fresh - 1, fresh + " vs " + t.history().getFirst().validationNll());

    // the run's state remembers where it started: continuing without the starting models is refused
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> new ResidueTrainer(glycine, tuned, options.withEpochs(3)).train("GLY", TrainingListener.NONE, () -> false));
    assertTrue(e.getMessage().contains("initial weights"), e.getMessage());
    // a starting model of another architecture (here: another seed of the encoder) is refused by name
    CheckpointException other = assertThrows(CheckpointException.class,
        () -> new ResidueTrainer(glycine, tmp.resolve("fine-tune-other"), options.withSeed(3).withInitialModels(base))
            .train("GLY", TrainingListener.NONE, () -> false));
    assertTrue(other.getMessage().contains("another architecture"), other.getMessage());
    CheckpointException missing = assertThrows(CheckpointException.class,
        () -> new ResidueTrainer(threonine, tmp.resolve("fine-tune-missing"), small().withInitialModels(base))
            .train("THR", TrainingListener.NONE, () -> false));
    assertTrue(missing.getMessage().contains("no model for residue type THR"), missing.getMessage());
  }

  static double validationNll(ResidueModel model, Path dataDir, String type) {
    double sum = 0;
    long n = 0;
    try (var _ = GradMode.noGrad(); DatasetReader r = TrainingSet.open(dataDir).reader(type, Split.VALIDATION, 64)) {
      while (r.hasNext()) {
        ExampleBatch b = r.next();
        sum -= model.logProb(b).sum().item();
        n += b.size();
      }
    }
    return sum / n;
  }
}
