package org.backmap.backmapping.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.backmap.backmapping.decode.DecodeJob;
import org.backmap.backmapping.decode.DecodeOrder;
import org.backmap.backmapping.decode.DecodedEnergies;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.backmapping.metrics.MetricsOptions;
import org.backmap.backmapping.metrics.MetricsReport;
import org.backmap.backmapping.metrics.StructureMetrics;
import org.backmap.base.io.AtomicOutput;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.ModelReader;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.plot.BarChart;
import org.backmap.plot.HistogramChart;
import org.backmap.plot.Png;

/**
 * Decoding evaluated on a set of prepared all-atom structures (e.g. the held-out test proteins prepared as the
 * training data): each is mapped to CG, decoded {@code samples} times with energies, and scored against itself
 * with {@link StructureMetrics} (bond, clash and diversity scores, all atoms and heavy atoms); its AMBER14SB + GBn2
 * energy is compared with the decoded structures' energies, and the first {@code relaxSamples} decoded structures
 * are relaxed (CG atoms restrained, as {@code decode --relax}) and compared with the reference relaxed the same way.
 *
 * <p>Each target's results go to {@code OUT/NAME/} ({@code decoded.pdb}, {@code decode.json}, {@code target.json});
 * a target whose {@code target.json} exists is read back, not redone, so an interrupted run continues. The set's
 * summary is {@code OUT/summary.json} and {@code OUT/summary.md}, with the plots {@code OUT/clash.png} (clash
 * score per protein) and {@code OUT/energy.png} (decoded and relaxed energies relative to the reference).
 */
public final class TestSetEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Value of the summary's {@code format} field. */
  public static final String FORMAT = "backmap-test-set-evaluation";

  private TestSetEvaluation() {}

  /**
   * Settings.
   *
   * @param samples decoded structures per target
   * @param relaxSamples of those, how many are relaxed (0: none)
   * @param seed decoding and bootstrap seed
   * @param threads threads of the energy evaluations
   * @param bootstrap bootstrap resamples of the diversity score
   */
  public record Options(int samples, int relaxSamples, long seed, int threads, int bootstrap) {
    public Options {
      if (samples < 2) {
        throw new IllegalArgumentException("samples must be at least 2 (the diversity score needs pairs), got " + samples);
      }
      if (relaxSamples < 0 || relaxSamples > samples) {
        throw new IllegalArgumentException("relaxSamples must be between 0 and samples (" + samples + "), got " + relaxSamples);
      }
      if (threads < 1 || bootstrap < 1) {
        throw new IllegalArgumentException("threads and bootstrap must be at least 1");
      }
    }
  }

  /** Called after each target. */
  public interface Progress {
    void targetDone(String name, int done, int total, boolean reused, double seconds);
  }

  /**
   * Energies of one target (kJ/mol, AMBER14SB + GBn2, no cutoff).
   *
   * @param reference the prepared structure's
   * @param referenceRelaxed the prepared structure's after the same restrained relaxation as the decoded ones
   * @param decoded every decoded structure's
   * @param fractionBelow fraction of decoded structures below {@code reference}
   * @param relaxed the relaxed decoded structures'
   * @param relaxedFractionBelow fraction of relaxed structures below {@code reference}
   * @param relaxedFractionBelowRelaxedReference fraction of relaxed structures below {@code referenceRelaxed}
   */
  public record Energies(double reference, double referenceRelaxed, double[] decoded, double fractionBelow, double[] relaxed,
      double relaxedFractionBelow, double relaxedFractionBelowRelaxedReference) {}

  /** One target's results. */
  public record Target(String name, String prepared, int residues, int atoms, MetricsReport metrics, double meanLogProb, Energies energies,
      double decodeSeconds, double relaxSeconds) {}

  /** Mean, standard deviation (n - 1) and standard error of the mean of one figure over the targets. */
  public record Stat(double mean, double sd, double sem, int n) {
    static Stat of(double[] v) {
      double mean = Arrays.stream(v).average().orElse(Double.NaN);
      double ss = 0;
      for (double x : v) {
        ss += (x - mean) * (x - mean);
      }
      double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
      return new Stat(mean, sd, sd / Math.sqrt(v.length), v.length);
    }
  }

  /** One atom set's figures over the targets: bond and clash scores (fractions) and the diversity score (bootstrap mean). */
  public record Scores(Stat bondScore, Stat clashScore, Stat diversity) {}

  /**
   * The set's results.
   *
   * @param fractionBelowReference decoded structures below their reference's energy, pooled over targets
   * @param relaxedFractionBelowReference relaxed structures below their (unrelaxed) reference's energy, pooled
   * @param relaxedFractionBelowRelaxedReference relaxed structures below their relaxed reference's energy, pooled
   */
  public record Summary(String format, Options options, Map<String, String> modelManifestSha256, int targets, Scores allAtoms, Scores heavyAtoms,
      double fractionBelowReference, double relaxedFractionBelowReference, double relaxedFractionBelowRelaxedReference, List<Target> results) {}

  /**
   * Evaluates {@code prepared} (all-atom files) with {@code models}, writing into {@code outDir}.
   *
   * @throws org.backmap.nn.checkpoint.CheckpointException naming a type without a model
   */
  public static Summary run(List<Path> prepared, ModelSet models, Path outDir, Options options, Progress progress) throws IOException {
    if (prepared.isEmpty()) {
      throw new IllegalArgumentException("no structures to evaluate");
    }
    Files.createDirectories(outDir);
    List<Target> results = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      long t0 = System.nanoTime();
      Path file = prepared.get(i);
      String name = stem(file);
      Path dir = outDir.resolve(name);
      Path done = dir.resolve("target.json");
      boolean reused = Files.exists(done);
      Target t = reused ? JSON.readValue(done.toFile(), Target.class) : evaluate(file, name, dir, models, options);
      if (!reused) {
        writeJson(done, t);
      }
      results.add(t);
      progress.targetDone(name, i + 1, prepared.size(), reused, (System.nanoTime() - t0) / 1e9);
    }
    Summary s = summarise(results, options, new TreeMap<>(models.manifestHashes()));
    writeJson(outDir.resolve("summary.json"), s);
    AtomicOutput.write(outDir.resolve("summary.md"), markdown(s).getBytes(StandardCharsets.UTF_8));
    plots(s, outDir);
    return s;
  }

  private static Target evaluate(Path file, String name, Path dir, ModelSet models, Options o) throws IOException {
    Files.createDirectories(dir);
    PreparedProtein protein = PreparedProtein.read(file, PreparationOptions.defaults().withRepair(false));
    Structure reference = protein.structure();
    ProteinLayout layout = new ProteinLayout(protein.cg(), TemplateLibrary.ff14SB());
    double[] refXyz = layout.coordinatesOf(reference);

    Path decoded = dir.resolve("decoded.pdb");
    Path report = dir.resolve("decode.json");
    DecodeJob.Summary d = DecodeJob.run(protein.cg(), models, new DecodeJob.Options(o.samples(), o.samples(), DecodeOrder.SEQUENCE, o.seed(), true,
        false, o.threads()), decoded, report, (done, total) -> {});
    double[] energies = new double[o.samples()];
    JsonNode samples = JSON.readTree(report.toFile()).get("samples");
    for (int s = 0; s < energies.length; s++) {
      energies[s] = samples.get(s).get("energy").asDouble();
    }

    MetricsReport metrics;
    try (ModelReader generated = StructureReader.models(decoded)) {
      metrics = StructureMetrics.compute(generated, reference, MetricsOptions.defaults().withBootstrap(o.bootstrap()).withSeed(o.seed()));
    }

    long r0 = System.nanoTime();
    DecodedEnergies energy = new DecodedEnergies(layout, refXyz, o.threads());
    double eRef = energy.energy(refXyz);
    double eRefRelaxed = o.relaxSamples() > 0 ? energy.relax(refXyz).energyAfter() : Double.NaN;
    double[] relaxed = new double[o.relaxSamples()];
    try (ModelReader generated = StructureReader.models(decoded)) {
      for (int s = 0; s < relaxed.length; s++) {
        relaxed[s] = energy.relax(layout.coordinatesOf(generated.next())).energyAfter();
      }
    }
    double relaxSeconds = (System.nanoTime() - r0) / 1e9;
    Energies e = new Energies(eRef, eRefRelaxed, energies, fractionBelow(energies, eRef), relaxed, fractionBelow(relaxed, eRef),
        fractionBelow(relaxed, eRefRelaxed));
    return new Target(name, file.toString(), layout.residues(), layout.atoms(), metrics, d.meanLogProb(), e, d.seconds(), relaxSeconds);
  }

  static double fractionBelow(double[] values, double threshold) {
    if (values.length == 0) {
      return Double.NaN;
    }
    int below = 0;
    for (double v : values) {
      if (v < threshold) {
        below++;
      }
    }
    return below / (double) values.length;
  }

  static Summary summarise(List<Target> results, Options options, Map<String, String> hashes) {
    int n = results.size();
    double[][] all = new double[3][n];
    double[][] heavy = new double[3][n];
    long below = 0, count = 0, relaxedBelow = 0, relaxedBelowRelaxed = 0, relaxedCount = 0;
    for (int i = 0; i < n; i++) {
      Target t = results.get(i);
      MetricsReport.Scores a = t.metrics().allAtoms();
      MetricsReport.Scores h = t.metrics().heavyAtoms();
      all[0][i] = a.bondScore();
      all[1][i] = a.clashScore();
      all[2][i] = a.diversityMean();
      heavy[0][i] = h.bondScore();
      heavy[1][i] = h.clashScore();
      heavy[2][i] = h.diversityMean();
      Energies e = t.energies();
      for (double v : e.decoded()) {
        below += v < e.reference() ? 1 : 0;
        count++;
      }
      for (double v : e.relaxed()) {
        relaxedBelow += v < e.reference() ? 1 : 0;
        relaxedBelowRelaxed += v < e.referenceRelaxed() ? 1 : 0;
        relaxedCount++;
      }
    }
    return new Summary(FORMAT, options, hashes, n, new Scores(Stat.of(all[0]), Stat.of(all[1]), Stat.of(all[2])),
        new Scores(Stat.of(heavy[0]), Stat.of(heavy[1]), Stat.of(heavy[2])), count == 0 ? Double.NaN : below / (double) count,
        relaxedCount == 0 ? Double.NaN : relaxedBelow / (double) relaxedCount,
        relaxedCount == 0 ? Double.NaN : relaxedBelowRelaxed / (double) relaxedCount, List.copyOf(results));
  }

  /** The summary as a Markdown report: the metrics table, the energy comparison, one row per target. */
  public static String markdown(Summary s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "# Decoding evaluated on %d structures%n%n", s.targets()));
    b.append(String.format(Locale.ROOT, "%d samples per structure, seed %d; mean +/- standard error over the structures (standard deviation in "
        + "summary.json); diversity as the bootstrap mean of %d resamples.%n%n", s.options().samples(), s.options().seed(), s.options().bootstrap()));
    b.append("| | bond score % | clash score % | diversity |\n|---|---|---|---|\n");
    row(b, "all atoms", s.allAtoms());
    row(b, "no hydrogens", s.heavyAtoms());
    b.append(String.format(Locale.ROOT, "%nEnergies (AMBER14SB + GBn2): %.1f %% of decoded structures below their reference's energy", 100 * s.fractionBelowReference()));
    if (s.options().relaxSamples() > 0) {
      b.append(String.format(Locale.ROOT, "; after restrained relaxation of %d per structure, %.1f %% below the reference and %.1f %% below the "
          + "reference relaxed the same way", s.options().relaxSamples(), 100 * s.relaxedFractionBelowReference(),
          100 * s.relaxedFractionBelowRelaxedReference()));
    }
    b.append(".\n\n| structure | residues | atoms | bond % (all) | clash % (all) | clash % (heavy) | diversity (all) | mean log P | "
        + "E ref | E decoded (median) | below ref % | E ref relaxed | E relaxed (median) | below relaxed ref % | decode s | relax s |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Target t : s.results()) {
      Energies e = t.energies();
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %.3f | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f |%n",
          t.name(), t.residues(), t.atoms(), 100 * t.metrics().allAtoms().bondScore(), 100 * t.metrics().allAtoms().clashScore(),
          100 * t.metrics().heavyAtoms().clashScore(), t.metrics().allAtoms().diversityMean(), t.meanLogProb(), e.reference(), median(e.decoded()),
          100 * e.fractionBelow(), e.referenceRelaxed(), median(e.relaxed()), 100 * e.relaxedFractionBelowRelaxedReference(), t.decodeSeconds(),
          t.relaxSeconds()));
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String name, Scores s) {
    b.append(String.format(Locale.ROOT, "| backmap, %s | %.2f +/- %.2f | %.2f +/- %.2f | %.3f +/- %.3f |%n", name, 100 * s.bondScore().mean(),
        100 * s.bondScore().sem(), 100 * s.clashScore().mean(), 100 * s.clashScore().sem(), s.diversity().mean(), s.diversity().sem()));
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  /** clash.png (clash score per structure, all and heavy atoms) and energy.png (energy minus the reference's, per residue). */
  private static void plots(Summary s, Path outDir) {
    List<String> names = s.results().stream().map(Target::name).toList();
    double[] all = s.results().stream().mapToDouble(t -> 100 * t.metrics().allAtoms().clashScore()).toArray();
    double[] heavy = s.results().stream().mapToDouble(t -> 100 * t.metrics().heavyAtoms().clashScore()).toArray();
    Png.write(outDir.resolve("clash.png"), BarChart.of("Clash score per structure (" + s.options().samples() + " decoded each)", "structure",
        "residues with a side-chain clash (%)", names).add("all atoms", all).add("heavy atoms", heavy)
        .line("reference system, all atoms 12.3 %", 12.3).line("reference system, heavy atoms 2.52 %", 2.52).chart(), 1000, 500);

    // decoded energies span many orders of magnitude above the reference: a signed log scale shows them all
    List<Double> decoded = new ArrayList<>();
    List<Double> relaxed = new ArrayList<>();
    for (Target t : s.results()) {
      Energies e = t.energies();
      for (double v : e.decoded()) {
        decoded.add(signedLog((v - e.reference()) / t.residues()));
      }
      for (double v : e.relaxed()) {
        relaxed.add(signedLog((v - e.referenceRelaxed()) / t.residues()));
      }
    }
    double[] d = decoded.stream().mapToDouble(Double::doubleValue).toArray();
    double[] r = relaxed.stream().mapToDouble(Double::doubleValue).toArray();
    double lo = 0;
    double hi = 0;
    for (double[] a : new double[][] {d, r}) {
      for (double v : a) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    lo = Math.floor(lo) - 0.5;
    hi = Math.ceil(hi) + 0.5;
    HistogramChart chart = HistogramChart.of("Energy above the reference, all structures",
        "sign(x) log10(1 + |x|), x = (E - E reference) / residues in kJ/mol (0: equal; 3: 1,000 kJ/mol per residue above)", "density",
        lo, hi, (int) Math.min(200, Math.round((hi - lo) * 4))).add("decoded, minus the prepared reference", d);
    if (r.length > 0) {
      chart.add("relaxed, minus the reference relaxed the same way", r);
    }
    Png.write(outDir.resolve("energy.png"), chart, 1000, 500);
  }

  /** {@code sign(x) log10(1 + |x|)}: a log scale that keeps the sign and 0. */
  static double signedLog(double x) {
    return Math.signum(x) * Math.log10(1 + Math.abs(x));
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    for (String ext : List.of(".gz", ".pdb", ".cif", ".mmcif", ".ent")) {
      if (n.toLowerCase(Locale.ROOT).endsWith(ext)) {
        n = n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }

  private static void writeJson(Path file, Object value) throws IOException {
    AtomicOutput.write(file, JSON.writeValueAsBytes(value));
  }
}
