package org.backmap.md.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backmap.base.concurrent.Threads;
import org.backmap.base.concurrent.WorkerPools;

/**
 * Prepares many structure files into one output folder: per input, repair and protonation
 * ({@link org.backmap.md.protein.PreparedProtein}), vacuum minimisation with a nonbonded cutoff, and the prepared
 * structure written atomically as {@code STEM.pdb} (or {@code STEM.cif} when PDB's columns cannot hold it; inputs
 * that share a stem get {@code STEM-HASH8}). A file that cannot be prepared is skipped with its reason and never
 * stops the run.
 *
 * <p>Files are prepared {@code threads} at a time, one per worker of the shared pool, each minimisation on its
 * worker alone; a worker holds one structure, and finished files leave only their small record, so memory is
 * bounded by the files in flight. Each finished file is appended to the manifest ({@code prepare-manifest.jsonl}),
 * keyed by the SHA-256 of the input's bytes and the settings: rerunning the same command takes those files from
 * the manifest, so an interrupted run loses at most the files in flight. Temporary files an interrupted run left
 * in the output folder are removed at the start. Every run ends by writing {@link PrepareReport#JSON_FILE} and
 * {@link PrepareReport#MARKDOWN_FILE} for its inputs.
 */
public final class PrepareJob {
  /** Temporary files of the project's atomic writers: {@code .NAME.ID.tmp}. */
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-z]+\\.tmp");

  private final Path outDir;
  private final PrepareSettings settings;
  private final int threads;

  /**
   * A job writing into {@code outDir} (created if missing).
   *
   * @param threads files prepared at a time, at least 1
   */
  public PrepareJob(Path outDir, PrepareSettings settings, int threads) {
    this.outDir = outDir;
    this.settings = settings;
    this.threads = Threads.requirePositive(threads, "threads");
  }

  /**
   * Prepares {@code inputs} (files; see {@link InputFiles#expand} for folders).
   *
   * @param progress told as each file finishes
   * @param stop polled before each file: once true, no further file starts, the files in flight finish, and the
   *     report covers the finished ones
   * @return the report, also written to the output folder
   * @throws UncheckedIOException when the output folder cannot be written
   */
  public PrepareReport run(List<Path> inputs, PrepareProgress progress, BooleanSupplier stop) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + outDir, e);
    }
    removeTemporaryFiles();
    Manifest manifest = Manifest.open(outDir);
    Map<String, Integer> stems = new HashMap<>();
    for (Path p : inputs) {
      stems.merge(InputFiles.stem(p), 1, Integer::sum);
    }
    FilePreparer preparer = new FilePreparer(settings);
    Tally tally = new Tally(inputs.size(), start, progress);
    List<ForkJoinTask<PreparedFile>> tasks = new ArrayList<>();
    for (Path input : inputs) {
      tasks.add(WorkerPools.shared(threads).submit(() -> {
        if (stop.getAsBoolean()) {
          return null;
        }
        String sha = sha256(input);
        PreparedFile done = manifest.finished(sha, settings.key(), outDir);
        if (done != null) {
          PreparedFile r = done.withInput(input.toString());
          tally.finished(r, true);
          return r;
        }
        String stem = InputFiles.stem(input);
        if (stems.get(stem) > 1) {
          stem = stem + "-" + sha.substring(0, 8);
        }
        PreparedFile r = sha == null
            ? PreparedFile.skipped(input.toString(), "", settings.key(), "unreadable", "cannot read " + input, 0, List.of())
            : preparer.prepare(input, sha, outDir, stem);
        if (sha != null) {
          manifest.append(r);
        }
        tally.finished(r, false);
        return r;
      }));
    }
    List<PreparedFile> records = new ArrayList<>();
    for (ForkJoinTask<PreparedFile> t : tasks) {
      PreparedFile r = t.join();
      if (r != null) {
        records.add(r);
      }
    }
    PrepareReport report = PrepareReport.of(settings, threads, records.size() < inputs.size(), inputs.size(), records, tally.resumed(),
        (System.nanoTime() - start) / 1e9);
    report.write(outDir);
    return report;
  }

  /** The SHA-256 of the file's bytes in hex, {@code null} when it cannot be read. */
  static String sha256(Path file) {
    try {
      return org.backmap.base.io.Sha256.of(file);
    } catch (IOException e) {
      return null;
    }
  }


  private void removeTemporaryFiles() {
    try (Stream<Path> files = Files.list(outDir)) {
      for (Path f : files.filter(f -> TEMPORARY.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + outDir, e);
    }
  }

  /** Counts finished files and tells the progress callback, one file at a time. */
  private static final class Tally {
    private final int total;
    private final long start;
    private final PrepareProgress progress;
    private int done;
    private int resumed;
    private int prepared;

    Tally(int total, long start, PrepareProgress progress) {
      this.total = total;
      this.start = start;
      this.progress = progress;
    }

    synchronized void finished(PreparedFile r, boolean fromManifest) {
      done++;
      long now = System.nanoTime();
      if (fromManifest) {
        resumed++;
      } else {
        prepared++;
      }
      // files from the manifest cost nothing, so the rate is that of the files prepared in this run
      double eta = prepared == 0 ? Double.NaN : (now - start) / 1e9 / prepared * (total - done);
      progress.fileDone(r, done, total, (now - start) / 1e9, eta);
    }

    synchronized int resumed() {
      return resumed;
    }
  }
}
