package org.backmap.backmapping.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.backmapping.model.ModelConfig;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.base.io.AtomicOutput;
import org.backmap.base.io.Sha256;
import org.backmap.md.dataset.DatasetReader;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.ShuffledBatches;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingSet;
import org.backmap.nn.NamedTensors;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;
import org.backmap.nn.checkpoint.ModelCheckpoints;
import org.backmap.nn.optim.Adam;

/**
 * Trains one {@link ResidueModel} per residue type by maximum likelihood, resumably.
 *
 * <p>Per epoch: the type's training stream in a seeded shuffled order ({@link TrainingSet#batches}), Adam
 * (TensorFlow defaults) on the mean negative log-likelihood of each batch, then the mean NLL of the validation
 * examples. The best validation weights are the model file ({@code TYPE/model.json}, with the run's facts in its
 * config). Files under {@code MODELS_DIR/TYPE/}:
 *
 * <pre>
 * model.json, model.HASH.bin     the best-validation model ({@link ResidueModel#load(Path, String)})
 * resume.json, resume.HASH.bin   weights, Adam state and {@link TrainingState}: saved at every epoch's end, at
 *                                least every checkpoint interval, and on a stop; each save atomic
 * training-log.json              one {@link EpochRecord} per finished epoch
 * </pre>
 *
 * <p>Calling {@link #train} again with the same options continues from {@code resume.json} and gives bit for bit
 * the weights of an uninterrupted run: the only randomness is the initial weights and each epoch's order, which
 * comes from a seed derived from the run's seed and the epoch, the saved position being the number of batches
 * taken.
 */
public final class ResidueTrainer {

  /** Name of the training state's manifest. */
  public static final String RESUME = "resume.json";
  /** Name of the per-epoch log. */
  public static final String LOG = "training-log.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final TrainingSet data;
  private final Path modelsDir;
  private final TrainingOptions options;
  private final String dataHash;
  private final Path dataDir;

  /**
   * @param dataDir a finished dataset folder ({@link TrainingSet#open})
   * @param modelsDir where each type's folder is written
   */
  public ResidueTrainer(Path dataDir, Path modelsDir, TrainingOptions options) {
    this.data = TrainingSet.open(dataDir);
    this.dataDir = dataDir;
    this.modelsDir = modelsDir;
    this.options = options;
    this.dataHash = sha256(dataDir.resolve("manifest.json"));
  }

  /** The dataset. */
  public TrainingSet data() {
    return data;
  }

  /**
   * Why {@code type} cannot be trained from this dataset (no training examples), or null. A type without
   * validation examples (a rare variant found in too few structures for the split to give it any) trains
   * without validation: each epoch's weights replace the model, and its validation NLL is NaN.
   */
  public String untrainable(String type) {
    if (data.examples(type, Split.TRAIN) == 0) {
      return "no training examples of " + type;
    }
    return null;
  }

  /** The options of this trainer. */
  public TrainingOptions options() {
    return options;
  }

  /** The epochs {@code type} is trained for: {@link TrainingOptions#epochs()}, or its schedule's when that is 0. */
  public int epochs(String type) {
    if (options.epochs() > 0) {
      return options.epochs();
    }
    return options.schedule().epochs(type, capped(data.examples(type, Split.TRAIN)));
  }

  private long capped(long n) {
    return options.maxExamples() > 0 ? Math.min(n, options.maxExamples()) : n;
  }

  /**
   * Trains each of {@code types} that has training examples and is not finished, {@code jobs} types at a time
   * (each on its own worker of the shared pool; kernel threads are set by the caller), and returns the results in
   * the order of {@code types}. Skipped types are told to {@code skipped} with the reason.
   *
   * @param listener told of every type's progress, from several threads at once when {@code jobs > 1}
   * @throws IOException the first failure of any type, after the others have stopped and saved
   */
  public List<TrainingResult> trainAll(List<String> types, int jobs, TrainingListener listener, BooleanSupplier stop,
      java.util.function.BiConsumer<String, String> skipped) throws IOException {
    org.backmap.base.concurrent.Threads.requirePositive(jobs, "training jobs");
    List<String> todo = new ArrayList<>();
    for (String type : types) {
      String why = untrainable(type);
      if (why != null) {
        skipped.accept(type, why);
      } else if (finished(type)) {
        skipped.accept(type, "finished before");
      } else {
        todo.add(type);
      }
    }
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    BooleanSupplier halt = () -> failed.get() || stop.getAsBoolean();
    java.util.concurrent.ForkJoinPool pool = org.backmap.base.concurrent.WorkerPools.shared(jobs);
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(jobs);
    List<java.util.concurrent.Future<TrainingResult>> futures = new ArrayList<>();
    for (String type : todo) {
      futures.add(pool.submit(() -> {
        slots.acquire(); // the pool may be shared with other work: never more than jobs types at once
        try {
          if (halt.getAsBoolean()) {
            return null;
          }
          return train(type, listener, halt);
        } catch (IOException | RuntimeException e) {
          failed.set(true);
          throw e;
        } finally {
          slots.release();
        }
      }));
    }
    List<TrainingResult> results = new ArrayList<>();
    Throwable first = null;
    for (java.util.concurrent.Future<TrainingResult> f : futures) {
      try {
        TrainingResult r = f.get();
        if (r != null) {
          results.add(r);
        }
      } catch (java.util.concurrent.ExecutionException e) {
        first = first == null ? e.getCause() : first;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while training", e);
      }
    }
    if (first instanceof IOException io) {
      throw io;
    }
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first != null) {
      throw new IllegalStateException(first);
    }
    return results;
  }

  /** Whether an earlier run with these options already finished {@link #epochs(String)} epochs of {@code type}. */
  public boolean finished(String type) throws CheckpointException {
    TrainingState s = readState(type);
    return s != null && s.incompatibility(fresh(type, initialModelSha256(type))) == null && s.epochsDone() >= epochs(type)
        && Files.isRegularFile(ResidueModel.manifest(modelsDir, type));
  }

  /**
   * Trains {@code type}, continuing an earlier run of the same options if there is one.
   *
   * @param stop polled before every batch; when true the state is saved and the call returns {@code STOPPED}
   * @throws MissingExamplesException when the type has no training examples
   * @throws CheckpointException when the folder holds the state of a run with other settings, or a bad file
   * @throws TrainingDivergedException when a loss is NaN or infinite
   */
  public TrainingResult train(String type, TrainingListener listener, BooleanSupplier stop) throws IOException {
    String why = untrainable(type);
    if (why != null) {
      throw new MissingExamplesException(why + " in " + dataDir);
    }
    Path dir = modelsDir.resolve(type);
    Files.createDirectories(dir);
    ResidueModel model = new ResidueModel(ModelConfig.of(options.preset(), type, options.seed()));
    Adam adam = new Adam(model.namedParameters(), Adam.Config.defaults().withLearningRate(options.learningRate()));
    TrainingState state = fresh(type, initialModelSha256(type));
    TrainingState saved = readState(type);
    boolean fineTuningStarts = saved == null && !state.initialModelSha256().isEmpty();
    if (fineTuningStarts) {
      copyInitialWeights(type, model);
    }
    if (saved != null) {
      String clash = state.incompatibility(saved);
      if (clash != null) {
        throw new CheckpointException(dir.resolve(RESUME) + " holds training of another run (" + clash
            + "); use another output folder or delete " + dir);
      }
      ModelCheckpoints.load(dir.resolve(RESUME), model, adam);
      state = saved;
    }
    if (state.epochsDone() >= epochs(type)) {
      writeLog(dir, state);
      return result(state, TrainingResult.Outcome.ALREADY_FINISHED);
    }
    Run run = new Run(model, adam, state, dir, listener, stop);
    if (fineTuningStarts) {
      run.scoreInitialWeights();
    }
    return run.go();
  }

  /** One call's loop over the remaining epochs. */
  private final class Run {
    private final ResidueModel model;
    private final Adam adam;
    private final Path dir;
    private final TrainingListener listener;
    private final BooleanSupplier stop;
    private final long trainExamples;
    private final long validationExamples;
    private final int batchesPerEpoch;
    private final int epochs;
    private TrainingState state;
    private long lastSave = System.nanoTime();
    private long epochStart;

    Run(ResidueModel model, Adam adam, TrainingState state, Path dir, TrainingListener listener, BooleanSupplier stop) {
      this.model = model;
      this.adam = adam;
      this.state = state;
      this.dir = dir;
      this.listener = listener;
      this.stop = stop;
      this.trainExamples = capped(data.examples(state.type(), Split.TRAIN));
      this.validationExamples = capped(data.examples(state.type(), Split.VALIDATION));
      this.batchesPerEpoch = (int) ((trainExamples + options.batchSize() - 1) / options.batchSize());
      this.epochs = epochs(state.type());
    }

    TrainingResult go() throws IOException {
      String type = state.type();
      while (state.epochsDone() < epochs) {
        int epoch = state.epochsDone() + 1;
        epochStart = System.nanoTime();
        try (ShuffledBatches batches = data.batches(type, Split.TRAIN, options.batchSize(), options.bufferSize(),
            state.shuffleSeed(), startExample(type, state.shuffleSeed()))) {
          for (int skip = 0; skip < state.batchesDone(); skip++) {
            batches.next(); // the order is fixed by the seed: skipping reproduces the position
          }
          while (state.batchesDone() < batchesPerEpoch && batches.hasNext()) {
            if (stop.getAsBoolean()) {
              save();
              return result(state, TrainingResult.Outcome.STOPPED);
            }
            ExampleBatch batch = head(batches.next(), trainExamples - state.examplesDone());
            double loss = step(batch, epoch);
            state = withProgress(state, batch.size(), loss);
            listener.batchDone(type, epoch, epochs, state.batchesDone(), batchesPerEpoch, loss);
            if (System.nanoTime() - lastSave >= options.checkpointInterval().toNanos()) {
              save();
            }
          }
        }
        endEpoch(epoch);
      }
      finish();
      return result(state, TrainingResult.Outcome.FINISHED);
    }

    /**
     * A fine-tuning run's starting point: the initial weights' validation NLL is the best so far (epoch 0), and
     * they are the model until an epoch beats them.
     */
    void scoreInitialWeights() throws IOException {
      if (validationExamples == 0) {
        return;
      }
      double validation = validationNll();
      TrainingState s = state;
      state = new TrainingState(s.type(), s.preset(), s.seed(), s.maxExamples(), s.batchSize(), s.bufferSize(),
          s.dataManifestSha256(), 0, s.shuffleSeed(), 0, 0, 0.0, 0.0, 0, validation, List.of(), s.initialModelSha256());
      model.save(ResidueModel.manifest(modelsDir, s.type()), modelInfo(state));
      save();
    }

    private double step(ExampleBatch batch, int epoch) {
      model.zeroGrad();
      Tensor loss = model.logProb(batch).mean().neg();
      double value = loss.item();
      if (!Double.isFinite(value)) {
        throw diverged("training loss", value, epoch, state.batchesDone() + 1);
      }
      loss.backward();
      adam.step();
      return value;
    }

    private void endEpoch(int epoch) throws IOException {
      boolean validated = validationExamples > 0;
      double validation = validated ? validationNll() : Double.NaN;
      if (validated && !Double.isFinite(validation)) {
        throw diverged("validation NLL", validation, epoch, 0);
      }
      double seconds = state.epochSeconds() + (System.nanoTime() - epochStart) / 1e9;
      // without validation examples the latest weights are the model
      boolean improved = !validated || validation < state.bestValidationNll();
      EpochRecord record = new EpochRecord(epoch, state.lossSum() / state.examplesDone(), validation, improved,
          state.examplesDone(), state.examplesDone() / seconds, seconds);
      List<EpochRecord> history = new ArrayList<>(state.history());
      history.add(record);
      TrainingState s = state;
      state = new TrainingState(s.type(), s.preset(), s.seed(), s.maxExamples(), s.batchSize(), s.bufferSize(),
          s.dataManifestSha256(), epoch, shuffleSeed(s.seed(), epoch), 0, 0, 0.0, 0.0,
          improved ? epoch : s.bestEpoch(), improved ? validation : s.bestValidationNll(), history,
          s.initialModelSha256());
      if (improved) {
        model.save(ResidueModel.manifest(modelsDir, s.type()), modelInfo(state));
      }
      save();
      writeLog(dir, state);
      listener.epochDone(s.type(), epochs, record);
    }

    /** The model file's facts say how many epochs the run had once it is done. */
    private void finish() throws IOException {
      Path manifest = ResidueModel.manifest(modelsDir, state.type());
      ResidueModel.load(manifest).save(manifest, modelInfo(state));
    }

    private double validationNll() {
      double sum = 0;
      long seen = 0;
      try (var _ = GradMode.noGrad();
          DatasetReader reader = data.reader(state.type(), Split.VALIDATION, options.batchSize())) {
        while (seen < validationExamples && reader.hasNext()) {
          ExampleBatch batch = head(reader.next(), validationExamples - seen);
          sum -= model.logProb(batch).sum().item();
          seen += batch.size();
        }
      }
      return sum / seen;
    }

    private void save() throws IOException {
      TrainingState s = state;
      TrainingState timed = new TrainingState(s.type(), s.preset(), s.seed(), s.maxExamples(), s.batchSize(),
          s.bufferSize(), s.dataManifestSha256(), s.epochsDone(), s.shuffleSeed(), s.batchesDone(), s.examplesDone(),
          s.lossSum(), s.batchesDone() == 0 ? 0.0 : s.epochSeconds() + (System.nanoTime() - epochStart) / 1e9,
          s.bestEpoch(), s.bestValidationNll(), s.history(), s.initialModelSha256());
      ModelCheckpoints.save(dir.resolve(RESUME), JSON.valueToTree(timed), model, adam);
      lastSave = System.nanoTime();
      listener.checkpointed(s.type(), s.epochsDone(), s.batchesDone());
    }

    private TrainingDivergedException diverged(String what, double value, int epoch, int batch) {
      String where = batch > 0 ? "epoch " + epoch + ", batch " + batch + " of " + batchesPerEpoch
          : "the validation pass of epoch " + epoch;
      String best = state.bestEpoch() > 0
          ? String.format(Locale.ROOT, "the best model (epoch %d, validation NLL %.4f) is in %s", state.bestEpoch(),
              state.bestValidationNll(), ResidueModel.manifest(modelsDir, state.type()))
          : "no model was saved yet";
      return new TrainingDivergedException(String.format(Locale.ROOT,
          "%s of %s is %s at %s; training stopped; the last good training state is kept in %s and %s", what,
          state.type(), value, where, dir.resolve(RESUME), best));
    }

  }

  /**
   * Where an epoch starts reading the training stream: at its start when an epoch takes every example, else at a
   * position drawn from the epoch's seed, so that capped epochs see different parts of the stream.
   */
  long startExample(String type, long shuffleSeed) {
    long all = data.examples(type, Split.TRAIN);
    if (options.maxExamples() == 0 || options.maxExamples() >= all) {
      return 0;
    }
    return new java.util.SplittableRandom(shuffleSeed).split().nextLong(all);
  }

  private TrainingState fresh(String type, String initialModelSha256) {
    return new TrainingState(type, options.preset().id(), options.seed(), options.maxExamples(),
        options.batchSize(), options.bufferSize(), dataHash, 0, shuffleSeed(options.seed(), 0), 0, 0, 0.0, 0.0, 0,
        Double.POSITIVE_INFINITY, List.of(), initialModelSha256);
  }

  /**
   * Copies the {@link TrainingOptions#initialModels} model of {@code type} into {@code model} (a new run's starting
   * point; a resumed run's weights come from its state).
   *
   * @throws CheckpointException when that model is unreadable or its architecture is not this run's
   */
  private void copyInitialWeights(String type, ResidueModel model) throws CheckpointException {
    ResidueModel initial = ResidueModel.load(options.initialModels(), type);
    if (!initial.config().equals(model.config())) {
      throw new CheckpointException(ResidueModel.manifest(options.initialModels(), type) + " is a model of another "
          + "architecture than this run's (" + initial.config() + " against " + model.config()
          + "); fine-tuning needs the same preset and seed");
    }
    NamedTensors.copyInto(initial.namedParameters(), model.namedParameters());
  }

  /** SHA-256 of the file of {@code type}'s initial model, "" without {@link TrainingOptions#initialModels}. */
  private String initialModelSha256(String type) throws CheckpointException {
    Path dir = options.initialModels();
    if (dir == null) {
      return "";
    }
    Path manifest = ResidueModel.manifest(dir, type);
    if (!Files.isRegularFile(manifest)) {
      throw new CheckpointException("no model for residue type " + type + " in " + dir + " to start from (" + manifest
          + " does not exist)");
    }
    return sha256(manifest);
  }

  private static TrainingState withProgress(TrainingState s, int examples, double meanLoss) {
    return new TrainingState(s.type(), s.preset(), s.seed(), s.maxExamples(), s.batchSize(), s.bufferSize(),
        s.dataManifestSha256(), s.epochsDone(), s.shuffleSeed(), s.batchesDone() + 1, s.examplesDone() + examples,
        s.lossSum() + meanLoss * examples, s.epochSeconds(), s.bestEpoch(), s.bestValidationNll(), s.history(),
        s.initialModelSha256());
  }

  /** The seed of the order of the epoch after {@code epochsDone} finished ones. */
  static long shuffleSeed(long seed, int epochsDone) {
    return Rng.seeded(seed).fork("shuffle").fork("epoch" + epochsDone).nextLong();
  }

  private TrainingState readState(String type) throws CheckpointException {
    Path resume = modelsDir.resolve(type).resolve(RESUME);
    if (!Files.isRegularFile(resume)) {
      return null;
    }
    try {
      return JSON.treeToValue(JSON.readTree(resume.toFile()).path("config"), TrainingState.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new CheckpointException(resume + " is not a training state: " + e.getMessage());
    }
  }

  private ObjectNode modelInfo(TrainingState s) {
    ObjectNode info = JSON.createObjectNode();
    info.put("type", s.type());
    info.put("preset", s.preset());
    ObjectNode examples = info.putObject("examples");
    examples.put("train", data.examples(s.type(), Split.TRAIN));
    examples.put("validation", data.examples(s.type(), Split.VALIDATION));
    examples.put("maxExamples", s.maxExamples());
    info.put("epochs", s.epochsDone());
    info.put("bestEpoch", s.bestEpoch());
    info.put("bestValidationNll", s.bestValidationNll());
    info.put("seed", s.seed());
    info.put("dataManifestSha256", s.dataManifestSha256());
    if (!s.initialModelSha256().isEmpty()) {
      info.put("initialModelSha256", s.initialModelSha256());
      info.put("learningRate", options.learningRate());
    }
    return info;
  }

  private static TrainingResult result(TrainingState s, TrainingResult.Outcome outcome) {
    return new TrainingResult(s.type(), outcome, s.epochsDone(), s.bestEpoch(), s.bestValidationNll(), s.history());
  }

  private static void writeLog(Path dir, TrainingState s) throws IOException {
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("type", s.type());
    log.put("preset", s.preset());
    log.put("seed", s.seed());
    log.put("epochs", s.history());
    ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(log));
    try (AtomicOutput out = new AtomicOutput(dir.resolve(LOG))) {
      out.commitAfter(() -> {
        while (bytes.hasRemaining()) {
          out.channel().write(bytes);
        }
      });
    }
  }

  /** The first {@code n} examples of {@code b} (all when it has no more). */
  static ExampleBatch head(ExampleBatch b, long n) {
    return b.head((int) Math.min(n, b.size()));
  }

  private static String sha256(Path file) {
    try {
      return Sha256.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

}
