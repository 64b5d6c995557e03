package org.backmap.md.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dataset table: per residue type, the unique structures and the examples of train and validation, with the
 * totals and the skipped files ({@code dataset-report.json}, {@code dataset-report.md}).
 *
 * @param files structure files found
 * @param trainFiles of which train
 * @param validationFiles of which validation
 * @param trainStructures train files that gave examples
 * @param validationStructures validation files that gave examples
 * @param residues residues of the structures used
 * @param hydrogensAdded hydrogens that reading completed (0 when every input was hydrogen-complete)
 * @param examples examples written
 * @param bytes bytes of the stream files
 * @param seconds wall-clock time of the run
 * @param rows one row per residue type, in {@link ResidueType#REPORT_ORDER}
 * @param skipped files that gave no examples
 */
public record DatasetReport(int files, int trainFiles, int validationFiles, int trainStructures, int validationStructures, long residues, long hydrogensAdded, long examples,
    long bytes, double seconds, List<Row> rows, List<DatasetManifest.SkippedFile> skipped) {
  /** JSON file name in the dataset folder. */
  public static final String JSON_FILE = "dataset-report.json";
  /** Markdown file name in the dataset folder. */
  public static final String MARKDOWN_FILE = "dataset-report.md";

  /**
   * One residue type.
   *
   * @param type the residue type
   * @param group its BAT group
   * @param batDim its BAT vector length
   * @param trainStructures train structures with at least one example of the type
   * @param trainExamples train examples
   * @param validationStructures validation structures with at least one example of the type
   * @param validationExamples validation examples
   */
  public record Row(String type, String group, int batDim, int trainStructures, long trainExamples, int validationStructures,
      long validationExamples) {}

  /** Lists are copied. */
  public DatasetReport {
    rows = List.copyOf(rows);
    skipped = List.copyOf(skipped);
  }

  /** The report of the streams in {@code manifest}. */
  public static DatasetReport of(DatasetManifest manifest, long residues, long hydrogensAdded, double seconds) {
    Map<String, long[]> cells = new TreeMap<>(ResidueType.REPORT_ORDER);
    Map<String, DatasetManifest.Stream> any = new TreeMap<>();
    long examples = 0, bytes = 0;
    for (DatasetManifest.Stream s : manifest.streams()) {
      long[] c = cells.computeIfAbsent(s.type(), k -> new long[4]);
      int at = s.split().equals(Split.TRAIN.folder()) ? 0 : 2;
      c[at] += s.structures();
      c[at + 1] += s.examples();
      any.put(s.type(), s);
      examples += s.examples();
      bytes += s.bytes();
    }
    List<Row> rows = new ArrayList<>();
    for (var e : cells.entrySet()) {
      DatasetManifest.Stream s = any.get(e.getKey());
      long[] c = e.getValue();
      rows.add(new Row(e.getKey(), s.group(), s.batDim(), (int) c[0], c[1], (int) c[2], c[3]));
    }
    java.util.Set<String> skippedNames = new java.util.HashSet<>();
    manifest.skipped().forEach(f -> skippedNames.add(f.file()));
    return new DatasetReport(manifest.trainFiles().size() + manifest.validationFiles().size(), manifest.trainFiles().size(),
        manifest.validationFiles().size(), (int) manifest.trainFiles().stream().filter(f -> !skippedNames.contains(f)).count(),
        (int) manifest.validationFiles().stream().filter(f -> !skippedNames.contains(f)).count(), residues, hydrogensAdded, examples, bytes, seconds, rows, manifest.skipped());
  }

  /** The JSON text. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The markdown text: the table, the totals and the skipped files. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder("# Training examples\n\n");
    md.append("| type | group | BAT length | train structures | train examples | validation structures | validation examples |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
    long te = 0, ve = 0;
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d |%n", r.type(), r.group(), r.batDim(),
          r.trainStructures(), r.trainExamples(), r.validationStructures(), r.validationExamples()));
      te += r.trainExamples();
      ve += r.validationExamples();
    }
    md.append(String.format(Locale.ROOT, "| all | | | %d | %d | %d | %d |%n%n", trainStructures, te, validationStructures, ve));
    md.append(String.format(Locale.ROOT, "%d structure files (%d train, %d validation by the split), %d skipped; %d residues, "
        + "%d hydrogens completed on reading; %d examples, %d bytes (%.0f bytes per example); %.1f s.%n", files, trainFiles,
        validationFiles, skipped.size(), residues, hydrogensAdded, examples, bytes, examples == 0 ? 0.0 : (double) bytes / examples, seconds));
    if (!skipped.isEmpty()) {
      md.append("\n## Skipped files\n\n| file | reason |\n| --- | --- |\n");
      for (DatasetManifest.SkippedFile s : skipped) {
        md.append("| ").append(s.file()).append(" | ").append(s.reason().replace("|", "\\|").replace("\n", " ")).append(" |\n");
      }
    }
    return md.toString();
  }
}
