package org.backmap.backmapping.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.backmapping.model.BatLayout;
import org.backmap.backmapping.model.Environments;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.base.io.AtomicOutput;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.dataset.DatasetManifest;
import org.backmap.md.dataset.DatasetReader;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.ResidueType;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingExample;
import org.backmap.md.dataset.TrainingSet;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.Checkpoint;
import org.backmap.nn.checkpoint.CheckpointException;
import org.backmap.nn.checkpoint.CheckpointReader;
import org.backmap.plot.Histogram;
import org.backmap.plot.HistogramChart;
import org.backmap.plot.Png;
import org.jfree.chart.JFreeChart;

/**
 * The per-residue evaluation of trained models ({@code backmap model-report}). For every type with a model in
 * {@code MODELS_DIR} and validation examples in {@code DATASET_DIR}, on the validation examples in file order:
 *
 * <ol>
 *   <li>the negative log-likelihood per example and per degree of freedom;
 *   <li>per side-chain torsion ({@link ChiAngles}) the Jensen-Shannon divergence ({@link Divergence}) between the
 *       histograms of the data and of one model sample per validation environment;
 *   <li>for side chains, the deviation of the bead of each sampled side chain (rebuilt on the example's roots,
 *       {@link SideChainBeads}) from the example's bead, fitted per axis and pooled by a zero-centred Laplace law;
 *       the pooled scale is stored with the model ({@value #LAPLACE_SCALE} in its checkpoint config);
 *   <li>plots: data against model histograms of each chi, and chi1 of many samples in a few chosen environments.
 * </ol>
 *
 * <p>Files: {@code REPORT_DIR/model-report.json} ({@link Result}), {@code REPORT_DIR/model-report.md},
 * {@code REPORT_DIR/plots/TYPE-chi.png} and {@code TYPE-chi1-environments.png}, and the models manifest
 * {@code MODELS_DIR/manifest.json} ({@link ModelsManifest}); every file is written atomically. Model samples come
 * from a generator seeded by the options' seed and the type, so a report is reproducible.
 */
public final class ModelReport {
  /** The report's JSON file. */
  public static final String JSON_FILE = "model-report.json";
  /** The report's Markdown table. */
  public static final String MARKDOWN_FILE = "model-report.md";
  /** The report's folder of plots. */
  public static final String PLOTS = "plots";
  /** Field of a model's checkpoint config holding the pooled Laplace scale of its bead deviation (Angstrom). */
  public static final String LAPLACE_SCALE = "laplaceScaleAngstrom";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelReport() {}

  /**
   * The largest Jensen-Shannon divergence of chi1 and chi2 over all evaluated types.
   *
   * @param type the type where it occurs
   * @param chi {@code chi1} or {@code chi2}
   * @param jsDivergence the divergence (nats)
   * @param samplingFloor what sampling alone would give with that type's sample sizes
   * @param target {@link ReportOptions#JS_TARGET}
   * @param withinTarget whether {@code jsDivergence <= target}
   */
  public record WorstChi(String type, String chi, double jsDivergence, double samplingFloor, double target,
      boolean withinTarget) {}

  /**
   * A finished report, as written to {@value #JSON_FILE}.
   *
   * @param models the models folder
   * @param data the dataset folder
   * @param dataManifestSha256 SHA-256 of the dataset's manifest
   * @param options what was measured
   * @param types one evaluation per type, in {@link ResidueType#REPORT_ORDER}
   * @param skipped types with a model or with validation examples that were not evaluated, and why
   * @param worstChi12 the largest divergence of chi1 and chi2, or null when no evaluated type has a chi
   * @param worstChi12Resolved the same among the chis whose sampling floor is at most a quarter of the target
   *     ({@link #RESOLVED_FLOOR}), i.e. with enough examples for the target to be measurable; null when none
   * @param modelsManifest the models manifest written
   */
  public record Result(String models, String data, String dataManifestSha256, ReportOptions options,
      List<TypeEvaluation> types, List<SkippedType> skipped, WorstChi worstChi12, WorstChi worstChi12Resolved,
      String modelsManifest) {}

  /** The largest sampling floor of a divergence counted in {@link Result#worstChi12Resolved()}. */
  public static final double RESOLVED_FLOOR = ReportOptions.JS_TARGET / 4;

  /**
   * Evaluates every model of {@code modelsDir} on the validation examples of {@code dataDir} and writes the report
   * into {@code outDir} (created), the Laplace scales into the models' files and the models manifest.
   *
   * @throws IOException naming the file when a folder is missing, there is no model, a model file is unreadable,
   *     holds another type than its folder's or does not fit the dataset's BAT vectors, or a file cannot be written
   * @throws java.io.UncheckedIOException when the dataset cannot be opened or a stream is unreadable (naming it)
   */
  public static Result run(Path modelsDir, Path dataDir, Path outDir, ReportOptions options, ReportProgress progress)
      throws IOException {
    if (!Files.isDirectory(modelsDir)) {
      throw Files.exists(modelsDir) ? new IOException("models folder " + modelsDir + " is not a folder")
          : new NoSuchFileException(modelsDir.toString(), null, "models folder does not exist");
    }
    TrainingSet data = TrainingSet.open(dataDir);
    String dataHash = ModelsManifest.sha256(dataDir.resolve(DatasetManifest.FILE));
    Map<String, Checkpoint> models = readModels(modelsDir);
    if (models.isEmpty()) {
      throw new IOException("no models in " + modelsDir + ": no folder of it holds a " + ResidueModel.MANIFEST);
    }
    TreeSet<String> all = new TreeSet<>(ResidueType.REPORT_ORDER);
    all.addAll(models.keySet());
    all.addAll(data.types());
    List<SkippedType> skipped = new ArrayList<>();
    List<String> todo = new ArrayList<>();
    for (String type : all) {
      if (!models.containsKey(type)) {
        skipped.add(new SkippedType(type, "no model in " + modelsDir));
      } else if (data.examples(type, Split.VALIDATION) == 0) {
        skipped.add(new SkippedType(type, "no validation examples in " + dataDir));
      } else {
        todo.add(type);
      }
    }
    skipped.forEach(s -> progress.skipped(s.type(), s.reason()));
    Files.createDirectories(outDir.resolve(PLOTS));
    List<TypeEvaluation> results = new ArrayList<>();
    for (int i = 0; i < todo.size(); i++) {
      String type = todo.get(i);
      Checkpoint stored = models.get(type);
      ResidueModel model = ResidueModel.of(stored);
      int streamDims = data.stream(type, Split.VALIDATION).orElseThrow().batDim();
      if (streamDims != model.config().dims()) {
        throw new CheckpointException(stored.manifest() + " reads BAT vectors of " + model.config().dims()
            + " values, the validation examples of " + type + " in " + dataDir + " have " + streamDims);
      }
      long examples = capped(data.examples(type, Split.VALIDATION), options);
      progress.typeStarted(type, i + 1, todo.size(), examples);
      TypeEvaluation result = new TypeRun(type, model, data, outDir, options, progress, examples).evaluate();
      if (result.bead() != null) {
        ObjectNode info = ((ObjectNode) stored.config()).deepCopy();
        info.put(LAPLACE_SCALE, result.bead().scale());
        model.save(stored.manifest(), info); // the same weights, so the same payload file: only the config changes
      }
      results.add(result);
      progress.typeDone(result);
    }
    Path manifest = ModelsManifest.write(modelsDir, models.keySet(), results, dataHash);
    Result report = new Result(modelsDir.toString(), dataDir.toString(), dataHash, options, List.copyOf(results),
        List.copyOf(skipped), worst(results, Double.POSITIVE_INFINITY), worst(results, RESOLVED_FLOOR),
        manifest.toString());
    AtomicOutput.write(outDir.resolve(JSON_FILE), JSON.writeValueAsBytes(report));
    AtomicOutput.write(outDir.resolve(MARKDOWN_FILE), markdown(report).getBytes(StandardCharsets.UTF_8));
    return report;
  }

  /**
   * The models of {@code modelsDir} by type (every sub-folder holding a model file), read and checked.
   *
   * @throws CheckpointException naming the file when one is unreadable, holds another type than its folder's, or
   *     its folder names no residue type
   */
  static Map<String, Checkpoint> readModels(Path modelsDir) throws IOException {
    Map<String, Checkpoint> models = new TreeMap<>(ResidueType.REPORT_ORDER);
    List<Path> folders;
    try (Stream<Path> list = Files.list(modelsDir)) {
      folders = list.filter(p -> Files.isRegularFile(p.resolve(ResidueModel.MANIFEST))).sorted().toList();
    }
    for (Path folder : folders) {
      String type = folder.getFileName().toString();
      Path file = folder.resolve(ResidueModel.MANIFEST);
      Checkpoint c = CheckpointReader.read(file);
      String stored = c.config().path("config").path("type").asText("");
      if (!stored.equals(type)) {
        throw new CheckpointException(file + " holds a model of " + (stored.isEmpty() ? "no residue type" : stored)
            + ", not of " + type + " (each type's model belongs in MODELS_DIR/TYPE/" + ResidueModel.MANIFEST + ")");
      }
      try {
        BatLayout.zMatrix(type);
      } catch (IllegalArgumentException e) {
        throw new CheckpointException(file + ": " + e.getMessage());
      }
      models.put(type, c);
    }
    return models;
  }

  private static long capped(long n, ReportOptions o) {
    return o.maxExamples() > 0 ? Math.min(n, o.maxExamples()) : n;
  }

  /** The evaluation of one type. */
  private static final class TypeRun {
    private final String type;
    private final ResidueModel model;
    private final TrainingSet data;
    private final Path outDir;
    private final ReportOptions o;
    private final ReportProgress progress;
    private final long total;
    private final ChiAngles chi;
    private final Histogram[] dataChi;
    private final Histogram[] modelChi;
    private final SideChainBeads beads;
    private final LaplaceFit[] axes = {new LaplaceFit(), new LaplaceFit(), new LaplaceFit()};
    private final LaplaceFit truth = new LaplaceFit();
    private boolean rootsMissing;

    TypeRun(String type, ResidueModel model, TrainingSet data, Path outDir, ReportOptions o, ReportProgress progress,
        long total) {
      this.type = type;
      this.model = model;
      this.data = data;
      this.outDir = outDir;
      this.o = o;
      this.progress = progress;
      this.total = total;
      this.chi = ChiAngles.of(type);
      this.dataChi = new Histogram[chi.count()];
      this.modelChi = new Histogram[chi.count()];
      for (int k = 0; k < chi.count(); k++) {
        dataChi[k] = new Histogram(-Math.PI, Math.PI, o.bins());
        modelChi[k] = new Histogram(-Math.PI, Math.PI, o.bins());
      }
      this.beads = ResidueType.groupOf(type) == BatGroup.SIDECHAIN ? SideChainBeads.of(type) : null;
    }

    TypeEvaluation evaluate() throws IOException {
      long start = System.nanoTime();
      int d = model.config().dims();
      Rng rng = Rng.seeded(o.seed()).fork(type);
      Rng sampling = rng.fork("validation");
      long[] chosen = chi.count() > 0 ? choose(total, o.environments(), rng.fork("environments")) : new long[0];
      List<TrainingExample> picked = new ArrayList<>();
      double nll = 0;
      double nllOwn = 0;
      double nllOther = 0;
      long otherExamples = 0;
      long seen = 0;
      double[] c = new double[chi.count()];
      try (var _ = GradMode.noGrad();
          DatasetReader reader = data.reader(type, Split.VALIDATION, o.batchSize())) {
        while (seen < total && reader.hasNext()) {
          ExampleBatch batch = reader.next().head((int) Math.min(o.batchSize(), total - seen));
          Tensor x = Environments.bat(batch);
          Tensor context = model.context(model.environments(batch));
          double batchNll = 0;
          for (double lp : model.logProbIn(x, context).toDoubleArray()) {
            batchNll -= lp;
          }
          nll += batchNll;
          if (context != null && batch.size() > 1) {
            // each example with the next one's description: what the environment is worth to the model
            for (double lp : model.logProbIn(x, rolled(context)).toDoubleArray()) {
              nllOther -= lp;
            }
            nllOwn += batchNll;
            otherExamples += batch.size();
          }
          double[] sampled = doubles(model.sampleIn(context, batch.size(), sampling).values().toFloatArray());
          for (int i = 0; i < batch.size(); i++) {
            for (int pass = 0; pass < 2 && chi.count() > 0; pass++) {
              chi.compute(pass == 0 ? batch.bat() : sampled, i * d, c);
              for (int k = 0; k < c.length; k++) {
                (pass == 0 ? dataChi : modelChi)[k].add(c[k]);
              }
            }
            if (beads != null) {
              addBeadDeviation(beads, sampled, i * d, batch, i);
            }
            if (Arrays.binarySearch(chosen, seen + i) >= 0) {
              picked.add(batch.example(i));
            }
          }
          seen += batch.size();
          progress.examplesDone(type, seen, total);
        }
      }
      List<ChiDivergence> chis = new ArrayList<>();
      for (int k = 0; k < chi.count(); k++) {
        chis.add(new ChiDivergence(chi.name(k), String.join("-", chi.atoms(k)),
            Divergence.jensenShannon(dataChi[k], modelChi[k]), Divergence.samplingFloor(dataChi[k], modelChi[k])));
      }
      List<String> plots = new ArrayList<>();
      if (chi.count() > 0) {
        plots.add(chiPlot(chis, seen));
      }
      List<EnvironmentSpread> spreads = new ArrayList<>();
      if (!picked.isEmpty()) {
        progress.environmentsStarted(type, picked.size(), o.samples());
        plots.add(environmentPlot(picked, chosen, rng, spreads));
      }
      BeadDeviation bead = null;
      String beadNote = null;
      if (beads == null) {
        beadNote = "N-terminal hydrogens have no bead";
      } else if (rootsMissing) {
        beadNote = "the validation stream predates Z-matrix roots (dataset version < 3): extract the dataset again";
      } else {
        LaplaceFit pooled = new LaplaceFit();
        for (LaplaceFit a : axes) {
          pooled.addAll(a);
        }
        bead = new BeadDeviation(axes[0].count(), axes[0].scale(), axes[1].scale(), axes[2].scale(), pooled.scale(),
            axes[0].mean(), axes[1].mean(), axes[2].mean(), truth.scale());
      }
      double perExample = nll / seen;
      double gain = otherExamples == 0 ? Double.NaN : (nllOther - nllOwn) / otherExamples;
      return new TypeEvaluation(type, model.config().preset(), d, seen, perExample, perExample / d, gain, List.copyOf(chis),
          bead, beadNote, List.copyOf(spreads), List.copyOf(plots), (System.nanoTime() - start) / 1e9);
    }

    /** {@code context} with its rows rotated by one: row i gets row i + 1's description. */
    private static Tensor rolled(Tensor context) {
      int b = context.dim(0);
      float[] c = context.toFloatArray();
      int width = c.length / b;
      float[] out = new float[c.length];
      for (int i = 0; i < b; i++) {
        System.arraycopy(c, ((i + 1) % b) * width, out, i * width, width);
      }
      return Tensor.wrap(out, b, width);
    }

    private void addBeadDeviation(SideChainBeads rebuild, double[] bat, int offset, ExampleBatch batch, int i) {
      for (int r = 0; r < 9; r++) {
        if (!Double.isFinite(batch.roots()[9 * i + r])) {
          rootsMissing = true;
          return;
        }
      }
      double[] b = rebuild.bead(bat, offset, batch.roots(), 9 * i);
      for (int a = 0; a < 3; a++) {
        axes[a].add(b[a] - batch.bead()[3 * i + a]);
      }
      double[] t = rebuild.bead(batch.bat(), i * batch.batDim(), batch.roots(), 9 * i);
      for (int a = 0; a < 3; a++) {
        truth.add(t[a] - batch.bead()[3 * i + a]);
      }
    }

    private String axis(int k) {
      return chi.name(k) + " = " + String.join("-", chi.atoms(k)) + " (rad)";
    }

    /** Data against model per chi, a 2-column grid of panels. */
    private String chiPlot(List<ChiDivergence> chis, long examples) {
      List<JFreeChart> panels = new ArrayList<>();
      for (int k = 0; k < chi.count(); k++) {
        panels.add(HistogramChart.of(String.format(Locale.ROOT, "%s %s: JS %.4f", type, chi.label(k),
                chis.get(k).jsDivergence()), axis(k), "density (1/rad)", -Math.PI, Math.PI, o.bins())
            .add(String.format(Locale.ROOT, "validation data (%,d)", examples), dataChi[k])
            .add("model, one sample per environment", modelChi[k]).chart());
      }
      String name = PLOTS + "/" + type + "-chi.png";
      Png.write(outDir.resolve(name), panels, 2, 560, 380);
      return name;
    }

    /** chi1 of {@code samples} draws in each chosen environment, over the data's marginal. */
    private String environmentPlot(List<TrainingExample> picked, long[] chosen, Rng rng, List<EnvironmentSpread> out) {
      ExampleBatch batch = ExampleBatch.of(picked);
      var env = model.environments(batch);
      HistogramChart chart = HistogramChart.of(String.format(Locale.ROOT, "%s %s in %d validation environments, %,d "
              + "samples each", type, chi.label(0), picked.size(), o.samples()), axis(0),
          "density (1/rad)", -Math.PI, Math.PI, o.bins())
          .add("validation data, all environments", dataChi[0]);
      double[] c = new double[chi.count()];
      double[] dataChi1 = new double[chi.count()];
      for (int j = 0; j < picked.size(); j++) {
        double[] values = doubles(model.sample(env, j, o.samples(), rng.fork("environment" + j)).values().toFloatArray());
        double[] chi1 = new double[o.samples()];
        double sx = 0, sy = 0;
        for (int s = 0; s < o.samples(); s++) {
          chi.compute(values, s * batch.batDim(), c);
          chi1[s] = c[0];
          sx += Math.cos(c[0]);
          sy += Math.sin(c[0]);
        }
        double r = Math.hypot(sx, sy) / o.samples();
        chi.compute(batch.bat(), j * batch.batDim(), dataChi1);
        TrainingExample e = picked.get(j);
        out.add(new EnvironmentSpread(chosen[j], e.particleCount(), dataChi1[0], o.samples(), r,
            Math.toDegrees(Math.sqrt(-2 * Math.log(Math.max(r, Double.MIN_NORMAL))))));
        chart.add(String.format(Locale.ROOT, "example %d (%d particles)", chosen[j], e.particleCount()), chi1);
      }
      String name = PLOTS + "/" + type + "-chi1-environments.png";
      Png.write(outDir.resolve(name), chart, 900, 560);
      return name;
    }
  }

  /** {@code k} distinct positions of {@code [0, n)} (all when {@code n <= k}), drawn uniformly, sorted. */
  static long[] choose(long n, int k, Rng rng) {
    if (n <= k) {
      long[] all = new long[(int) n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    TreeSet<Long> picked = new TreeSet<>();
    while (picked.size() < k) {
      picked.add(rng.generator().nextLong(n));
    }
    return picked.stream().mapToLong(Long::longValue).toArray();
  }

  private static double[] doubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /**
   * The largest divergence of chi1 and chi2 over {@code results} among those whose sampling floor is at most
   * {@code maxFloor}, or null when there is none.
   */
  static WorstChi worst(List<TypeEvaluation> results, double maxFloor) {
    WorstChi worst = null;
    for (TypeEvaluation t : results) {
      for (ChiDivergence c : t.chis()) {
        if ((c.name().equals("chi1") || c.name().equals("chi2")) && c.samplingFloor() <= maxFloor
            && (worst == null || c.jsDivergence() > worst.jsDivergence())) {
          worst = new WorstChi(t.type(), c.name(), c.jsDivergence(), c.samplingFloor(), ReportOptions.JS_TARGET,
              c.jsDivergence() <= ReportOptions.JS_TARGET);
        }
      }
    }
    return worst;
  }

  /** The report as a Markdown page: one table row per type, then the largest divergence and the skipped types. */
  static String markdown(Result r) {
    StringBuilder md = new StringBuilder("# Per-residue model evaluation\n\n");
    ReportOptions o = r.options();
    md.append("Models `").append(r.models()).append("`, validation examples of `").append(r.data())
        .append("` (dataset manifest SHA-256 `").append(r.dataManifestSha256(), 0, 16).append("...`), ")
        .append(o.maxExamples() > 0 ? "at most the first " + o.maxExamples() + " per type" : "all of them")
        .append(String.format(Locale.ROOT, ", seed %d. NLL in nats (bonds in Angstrom, angles in radians); JS: "
            + "Jensen-Shannon divergence (nats, %d bins on [-pi, pi]) of each torsion's marginal, data against one "
            + "model sample per environment; JS floor: what sampling alone gives at these sizes; Laplace: MLE scale "
            + "(Angstrom) of the deviation of the generated side chain's bead from the true bead; true side chain: the "
            + "same for the data's own BAT vector, the floor set by holding bonds to hydrogen at their ff14SB length; "
            + "environment gain: the NLL with another example's environment description minus the NLL with its own "
            + "(nats per example; about 0 when a model ignores its environment)."
            + "%n%n", o.seed(),
            o.bins()));
    md.append("| type | examples | NLL/example | NLL/dof | environment gain | JS chi1 | JS chi2 | JS chi3 | JS chi4 | JS floor "
        + "| Laplace x | Laplace y | Laplace z | Laplace pooled | true side chain |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (TypeEvaluation t : r.types()) {
      md.append("| ").append(t.type()).append(" | ").append(String.format(Locale.ROOT, "%,d", t.examples()))
          .append(" | ").append(fixed(t.nllPerExample(), 3)).append(" | ").append(fixed(t.nllPerDof(), 3))
          .append(" | ").append(Double.isNaN(t.environmentGain()) ? "-" : fixed(t.environmentGain(), 3));
      double floor = Double.NaN;
      for (int k = 1; k <= ChiAngles.MAX; k++) {
        ChiDivergence c = t.chi("chi" + k);
        md.append(" | ").append(c == null ? "-" : fixed(c.jsDivergence(), 4));
        floor = c == null ? floor : Double.isNaN(floor) ? c.samplingFloor() : Math.max(floor, c.samplingFloor());
      }
      md.append(" | ").append(Double.isNaN(floor) ? "-" : fixed(floor, 4));
      BeadDeviation b = t.bead();
      for (double v : b == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
          : new double[] {b.scaleX(), b.scaleY(), b.scaleZ(), b.scale(), b.truthScale()}) {
        md.append(" | ").append(Double.isNaN(v) ? "-" : fixed(v, 3));
      }
      md.append(" |\n");
    }
    WorstChi w = r.worstChi12();
    md.append('\n').append(w == null ? "No evaluated type has a chi1 or chi2."
        : String.format(Locale.ROOT, "Largest JS divergence of chi1 and chi2: **%.4f** (%s %s; sampling floor %.4f); "
            + "target <= %.2f: %s.", w.jsDivergence(), w.type(), w.chi(), w.samplingFloor(), w.target(),
            w.withinTarget() ? "met" : "not met")).append("\n\n");
    WorstChi v = r.worstChi12Resolved();
    md.append(v == null ? String.format(Locale.ROOT, "No chi1 or chi2 has a sampling floor below %.3f: too few "
            + "examples to resolve the target.", RESOLVED_FLOOR)
        : String.format(Locale.ROOT, "Among the chis with a sampling floor below %.3f (enough examples to resolve the "
            + "target): **%.4f** (%s %s); target: %s.", RESOLVED_FLOOR, v.jsDivergence(), v.type(), v.chi(),
            v.withinTarget() ? "met" : "not met")).append("\n\n");
    md.append("chi_k is the dihedral of consecutive heavy atoms C, CA, CB, X1, X2, ... (IUPAC branches); chi1 is "
        + "C-CA-CB-X1, measured from C rather than N, about 120 degrees from IUPAC's N-CA-CB-X1.\n\n");
    if (!r.skipped().isEmpty()) {
      md.append("Not evaluated:\n\n");
      for (SkippedType s : r.skipped()) {
        md.append("- ").append(s.type()).append(": ").append(s.reason()).append('\n');
      }
      md.append('\n');
    }
    List<String> plots = r.types().stream().flatMap(t -> t.plots().stream()).toList();
    if (!plots.isEmpty()) {
      md.append("Plots:\n\n");
      for (String p : plots) {
        md.append("- [").append(p).append("](").append(p).append(")\n");
      }
      md.append('\n');
    }
    md.append("Models manifest: `").append(r.modelsManifest()).append("`.\n");
    return md.toString();
  }

  private static String fixed(double v, int digits) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : String.valueOf(v);
  }
}
