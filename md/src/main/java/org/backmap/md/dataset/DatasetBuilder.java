package org.backmap.md.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backmap.base.concurrent.WorkerPools;
import org.backmap.base.io.AtomicOutput;

/**
 * Builds a training dataset from a folder of prepared (hydrogen-complete) structure files: one example stream per
 * residue type ({@link ResidueType}) and split, the manifest and the report.
 *
 * <p>Structure by structure: files are extracted {@code threads} at a time ({@link StructureExtractor}) with at
 * most {@code 2 * threads} finished or running ahead, and their examples written in file order, so the output is
 * the same for any thread count and memory holds a few structures plus one chunk per stream. Every file appears
 * atomically; the manifest is written last, so an interrupted run leaves no dataset that {@link TrainingSet}
 * accepts, and running again into the same folder starts cleanly.
 */
public final class DatasetBuilder {
  /** Names of structure files: PDB or mmCIF, optionally gzipped. Hidden files are never read. */
  public static final Pattern STRUCTURE_FILE = Pattern.compile("(?i)[^.].*\\.(pdb|ent|cif|mmcif)(\\.gz)?");

  private DatasetBuilder() {}

  /** The structure files of {@code folder} (not its sub-folders), sorted by name. */
  public static List<Path> structureFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new UncheckedIOException("input folder " + folder + (Files.exists(folder) ? " is not a folder" : " does not exist"),
          new IOException(folder.toString()));
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> Files.isRegularFile(p) && STRUCTURE_FILE.matcher(p.getFileName().toString()).matches())
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /**
   * Extracts every structure file of {@code input} into the dataset folder {@code output}.
   *
   * @return the report, also written to {@code output}
   * @throws UncheckedIOException when the input has no structure files, or the output folder cannot be used
   */
  public static DatasetReport build(Path input, Path output, ExtractionOptions options, ExtractionProgress progress) {
    long start = System.nanoTime();
    List<Path> files = structureFiles(input);
    if (files.isEmpty()) {
      throw new UncheckedIOException("no structure files (.pdb, .ent, .cif, .mmcif, optionally .gz) in " + input,
          new IOException("no structure files"));
    }
    DatasetFolder.prepare(output);
    StructureSplit split = StructureSplit.of(files.stream().map(p -> p.getFileName().toString()).toList(), options.splitEvery(), options.seed());
    Streams streams = new Streams(output, options.chunkSize());
    List<DatasetManifest.SkippedFile> skipped = new ArrayList<>();
    long residues = 0, hydrogens = 0, examples = 0;
    ForkJoinPool pool = WorkerPools.shared(options.threads());
    ArrayDeque<Future<StructureExamples>> ahead = new ArrayDeque<>();
    boolean finished = false;
    try {
      int next = 0;
      for (int done = 0; done < files.size(); done++) {
        while (next < files.size() && ahead.size() < 2 * options.threads()) {
          Path file = files.get(next++);
          ahead.add(pool.submit(() -> StructureExtractor.extract(file, options.preparation(), options.seed())));
        }
        StructureExamples r = join(ahead.poll());
        if (r.skipped() != null) {
          skipped.add(new DatasetManifest.SkippedFile(r.file(), r.skipped()));
        } else {
          Split part = split.partOf(r.file());
          for (var e : r.byType().entrySet()) {
            streams.write(part, e.getKey(), e.getValue());
          }
          residues += r.residues();
          hydrogens += r.hydrogensAdded();
          examples += r.exampleCount();
        }
        progress.fileDone(done + 1, files.size(), examples, r);
      }
      List<DatasetManifest.Stream> written = streams.close();
      DatasetManifest manifest = new DatasetManifest(DatasetManifest.FORMAT, DatasetManifest.VERSION, DatasetFormat.VERSION,
          options.seed(), options.splitEvery(), String.format(Locale.ROOT, "file names sorted, shuffled by Fisher-Yates with "
              + "SplittableRandom(seed); positions %d, %d, ... (every %d-th) are validation", options.splitEvery() - 1,
              2 * options.splitEvery() - 1, options.splitEvery()),
          split.train(), split.validation(), ExampleExtractor.ENVIRONMENT_SIZE, ExampleExtractor.CUTOFF,
          new ParticleClasses(options.preparation().library()).count(), options.chunkSize(), written, skipped);
      DatasetReport report = DatasetReport.of(manifest, residues, hydrogens, (System.nanoTime() - start) / 1e9);
      writeText(output.resolve(DatasetReport.JSON_FILE), report.toJson());
      writeText(output.resolve(DatasetReport.MARKDOWN_FILE), report.toMarkdown());
      writeText(output.resolve(DatasetManifest.FILE), manifest.toJson());
      finished = true;
      return report;
    } finally {
      if (!finished) {
        ahead.forEach(f -> f.cancel(true));
        streams.discard();
      }
    }
  }

  private static StructureExamples join(Future<StructureExamples> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void writeText(Path file, String text) {
    AtomicOutput.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The open stream writers, one per (split, type), opened at a type's first example. */
  private static final class Streams {
    private final Path folder;
    private final int chunkSize;
    private final Map<String, DatasetWriter> writers = new TreeMap<>();
    private final Map<String, Integer> structures = new HashMap<>();

    Streams(Path folder, int chunkSize) {
      this.folder = folder;
      this.chunkSize = chunkSize;
    }

    void write(Split split, String type, List<TrainingExample> examples) {
      String path = DatasetFolder.streamPath(split, type);
      DatasetWriter w = writers.get(path);
      if (w == null) {
        w = new DatasetWriter(folder.resolve(path), type, ResidueType.groupOf(type), examples.getFirst().bat().length, chunkSize);
        writers.put(path, w);
      }
      examples.forEach(w::write);
      structures.merge(path, 1, Integer::sum);
    }

    /** Finishes every file; the manifest entries in report order, train before validation. */
    List<DatasetManifest.Stream> close() {
      List<DatasetManifest.Stream> out = new ArrayList<>();
      for (var e : writers.entrySet()) {
        e.getValue().close();
      }
      for (var e : writers.entrySet()) {
        String path = e.getKey();
        DatasetWriter w = e.getValue();
        String splitName = path.substring(0, path.indexOf('/'));
        String type = path.substring(path.indexOf('/') + 1, path.length() - DatasetFolder.STREAM_EXTENSION.length());
        long bytes;
        try {
          bytes = Files.size(folder.resolve(path));
        } catch (IOException ex) {
          throw new UncheckedIOException("cannot read " + folder.resolve(path), ex);
        }
        out.add(new DatasetManifest.Stream(type, w.group().name(), splitName, path, w.batDim(), w.count(), structures.get(path), bytes));
      }
      out.sort((a, b) -> {
        int c = ResidueType.REPORT_ORDER.compare(a.type(), b.type());
        return c != 0 ? c : a.split().compareTo(b.split()); // "train" before "validation"
      });
      return out;
    }

    void discard() {
      writers.values().forEach(DatasetWriter::discard);
    }
  }
}
