package org.backmap.md.prepare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.backmap.md.structure.PdbWriter;

/**
 * What a run did: one record per input file (in input order), totals, skipped files by kind, and the histidine
 * variants chosen over all prepared files. Written as {@code prepare-report.json} and {@code prepare-report.md}.
 *
 * @param settings the settings of the run
 * @param threads files prepared at a time
 * @param stopped whether the run was stopped before every file was finished
 * @param totals totals over the records
 * @param skippedByKind number of skipped files per {@link PreparedFile#skipKind()}
 * @param histidines number of HID, HIE and HIP residues over the prepared files
 * @param files the records
 */
public record PrepareReport(PrepareSettings settings, int threads, boolean stopped, PrepareTotals totals, Map<String, Integer> skippedByKind,
    Map<String, Integer> histidines, List<PreparedFile> files) {
  /** The JSON report's file name. */
  public static final String JSON_FILE = "prepare-report.json";
  /** The Markdown report's file name. */
  public static final String MARKDOWN_FILE = "prepare-report.md";

  public PrepareReport {
    skippedByKind = Map.copyOf(skippedByKind);
    histidines = Map.copyOf(histidines);
    files = List.copyOf(files);
  }

  static PrepareReport of(PrepareSettings settings, int threads, boolean stopped, int inputs, List<PreparedFile> records, int resumed,
      double wallSeconds) {
    Map<String, Integer> skipped = new TreeMap<>();
    Map<String, Integer> his = new TreeMap<>(Map.of("HID", 0, "HIE", 0, "HIP", 0));
    for (PreparedFile r : records) {
      if (r.status() == FileStatus.SKIPPED) {
        skipped.merge(r.skipKind(), 1, Integer::sum);
      }
      r.histidines().forEach((variant, n) -> his.merge(variant, n, Integer::sum));
    }
    return new PrepareReport(settings, threads, stopped, PrepareTotals.of(inputs, records, resumed, wallSeconds), skipped, his, records);
  }

  /** Writes both reports into {@code outDir}, each atomically. */
  public void write(Path outDir) {
    String json;
    try {
      json = Manifest.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the report", e);
    }
    PdbWriter.atomically(outDir.resolve(JSON_FILE), w -> w.write(json));
    String markdown = markdown();
    PdbWriter.atomically(outDir.resolve(MARKDOWN_FILE), w -> w.write(markdown));
  }

  /** The human-readable report. */
  public String markdown() {
    StringBuilder sb = new StringBuilder("# Prepared structures\n\n");
    PrepareTotals t = totals;
    sb.append(String.format(Locale.ROOT, "Settings: pH %s, %s, nonbonded cutoff %s, %d file(s) at a time.%n%n", settings.pH(),
        settings.minimize() ? "vacuum minimisation (at most " + settings.maxIterations() + " L-BFGS iterations)" : "no minimisation",
        Double.isInfinite(settings.cutoffNm()) ? "none" : settings.cutoffNm() + " nm", threads));
    sb.append("| files | finished | prepared | skipped | from earlier runs | atoms | residues | file seconds | s/residue | wall seconds |\n");
    sb.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %.1f | %s | %.1f |%n%n", t.files(), t.finished(), t.prepared(),
        t.skipped(), t.resumed(), t.atoms(), t.residues(), t.fileSeconds(),
        t.residues() == 0 ? "-" : String.format(Locale.ROOT, "%.4f", t.secondsPerResidue()), t.wallSeconds()));
    if (stopped) {
      sb.append("The run was stopped; rerun the same command to finish it.\n\n");
    }
    sb.append(String.format(Locale.ROOT, "Histidines: %d HID, %d HIE, %d HIP.%n%n", histidines.getOrDefault("HID", 0),
        histidines.getOrDefault("HIE", 0), histidines.getOrDefault("HIP", 0)));
    if (!skippedByKind.isEmpty()) {
      sb.append("Skipped by kind: ");
      sb.append(String.join(", ", skippedByKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())).append(".\n\n");
    }
    sb.append("| input | status | output | atoms | residues | energy before (kJ/mol) | energy after (kJ/mol) | iterations | seconds | repairs | note |\n");
    sb.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (PreparedFile r : files) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %s | %s | %d | %.1f | %d | %s |%n", cell(r.input()),
          r.status().name().toLowerCase(Locale.ROOT), r.output() == null ? "" : cell(r.output()), r.atoms(), r.residues(), energy(r.energyBefore()),
          energy(r.energyAfter()), r.iterations(), r.seconds(), r.repairs(), r.reason() == null ? "" : cell(r.skipKind() + ": " + r.reason())));
    }
    return sb.toString();
  }

  private static String energy(Double e) {
    return e == null ? "" : String.format(Locale.ROOT, "%.1f", e);
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
