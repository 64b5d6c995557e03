package org.backmap.md.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.backmap.md.protein.PreparationOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBuilderTest {
  @TempDir
  static Path dir;
  static Path input;
  static Path dataset;
  static DatasetReport report;
  static final ExtractionOptions OPTIONS = ExtractionOptions.defaults().withSplitEvery(3).withSeed(7).withThreads(2).withChunkSize(5);

  @BeforeAll
  static void build() {
    input = ExtractionFixtures.write(dir.resolve("in"), true);
    dataset = dir.resolve("out");
    report = DatasetBuilder.build(input, dataset, OPTIONS, ExtractionProgress.NONE);
  }

  /** The examples each file gives on its own, by split and type, in file order. */
  private static Map<String, List<TrainingExample>> expected(StructureSplit split) {
    Map<String, List<TrainingExample>> out = new TreeMap<>();
    for (Path f : DatasetBuilder.structureFiles(input)) {
      StructureExamples e = StructureExtractor.extract(f, PreparationOptions.defaults(), OPTIONS.seed());
      for (var t : e.byType().entrySet()) {
        out.computeIfAbsent(split.partOf(e.file()).folder() + "/" + t.getKey(), k -> new ArrayList<>()).addAll(t.getValue());
      }
    }
    return out;
  }

  @Test
  void theSplitIsRecordedAndEachStructureIsInOnePart() {
    DatasetManifest m = TrainingSet.open(dataset).manifest();
    List<String> names = DatasetBuilder.structureFiles(input).stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(8, names.size(), "notes.txt is no structure file");
    StructureSplit split = StructureSplit.of(names, 3, 7);
    assertEquals(split.train(), m.trainFiles());
    assertEquals(split.validation(), m.validationFiles());
    assertEquals(2, m.validationFiles().size());
    Set<String> both = new HashSet<>(m.trainFiles());
    both.retainAll(m.validationFiles());
    assertEquals(Set.of(), both);
    assertEquals(7, m.seed());
    assertEquals(3, m.splitEvery());
    // Per type, the structures counted in each part are the files of that part that have the type.
    Map<String, List<TrainingExample>> want = expected(split);
    for (DatasetManifest.Stream s : m.streams()) {
      assertEquals(want.get(s.split() + "/" + s.type()).size(), s.examples(), s.file());
    }
    assertEquals(want.keySet(), new HashSet<>(m.streams().stream().map(s -> s.split() + "/" + s.type()).toList()));
  }

  @Test
  void readingBackGivesExactlyTheExamplesWritten() {
    TrainingSet set = TrainingSet.open(dataset);
    DatasetManifest m = set.manifest();
    Map<String, List<TrainingExample>> want = expected(StructureSplit.of(
        Stream.concat(m.trainFiles().stream(), m.validationFiles().stream()).toList(), 3, 7));
    long total = 0;
    for (DatasetManifest.Stream s : m.streams()) {
      List<TrainingExample> expected = want.get(s.split() + "/" + s.type());
      Split split = s.split().equals("train") ? Split.TRAIN : Split.VALIDATION;
      int seen = 0;
      try (DatasetReader r = set.reader(s.type(), split, 4)) {
        assertEquals(s.type(), r.template());
        while (r.hasNext()) {
          ExampleBatch b = r.next();
          for (int i = 0; i < b.size(); i++) {
            assertSame(expected.get(seen++), b.example(i));
          }
        }
      }
      assertEquals(expected.size(), seen);
      assertEquals(s.examples(), set.examples(s.type(), split));
      total += seen;
    }
    assertEquals(report.examples(), total);
    assertTrue(set.types().containsAll(List.of("ALA", "CYX", "HID", "GLY", ResidueType.NTERM, ResidueType.NPRO)), set.types().toString());
    assertEquals(0, set.examples("HIP", Split.TRAIN), "no HIP anywhere");
  }

  @Test
  void theReportListsTypesStructuresAndSkippedFiles() throws IOException {
    assertEquals(8, report.files());
    assertEquals(Set.of("garbage.pdb", "empty.cif"), new HashSet<>(report.skipped().stream().map(DatasetManifest.SkippedFile::file).toList()));
    report.skipped().forEach(s -> assertFalse(s.reason().isBlank()));
    assertEquals(6, report.trainStructures() + report.validationStructures());
    assertEquals(0, report.hydrogensAdded(), "the fixtures are hydrogen-complete");
    DatasetReport.Row ala = report.rows().stream().filter(r -> r.type().equals("ALA")).findFirst().orElseThrow();
    assertEquals(8, ala.batDim());
    assertTrue(ala.trainStructures() + ala.validationStructures() >= 4);
    assertEquals("ALA", report.rows().getFirst().type(), "conditional types first");
    assertEquals(ResidueType.NPRO, report.rows().getLast().type());
    String md = Files.readString(dataset.resolve(DatasetReport.MARKDOWN_FILE));
    assertTrue(md.contains("| HID | SIDECHAIN | 27 |"), md);
    assertTrue(md.contains("garbage.pdb"), md);
    String json = Files.readString(dataset.resolve(DatasetReport.JSON_FILE));
    assertTrue(json.contains("\"trainExamples\""), json);
  }

  @Test
  void theSameSeedGivesTheSameBytesWhateverTheThreads() throws IOException {
    Path again = dir.resolve("again");
    DatasetBuilder.build(input, again, OPTIONS.withThreads(1), ExtractionProgress.NONE);
    List<String> files = relativeFiles(dataset);
    assertEquals(files, relativeFiles(again));
    for (String f : files) {
      if (!f.startsWith("dataset-report")) {
        assertArrayEquals(Files.readAllBytes(dataset.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
      }
    }
    Path other = dir.resolve("other-seed");
    DatasetBuilder.build(input, other, OPTIONS.withSeed(8), ExtractionProgress.NONE);
    assertFalse(Arrays.equals(Files.readAllBytes(dataset.resolve(DatasetManifest.FILE)), Files.readAllBytes(other.resolve(DatasetManifest.FILE))));
  }

  @Test
  void shuffledBatchesGiveEveryExampleOnceHoldingAtMostTheBuffer() {
    TrainingSet set = TrainingSet.open(dataset);
    String type = "ALA";
    List<String> fileOrder = new ArrayList<>();
    try (DatasetReader r = set.reader(type, Split.TRAIN, 100)) {
      while (r.hasNext()) {
        ExampleBatch b = r.next();
        for (int i = 0; i < b.size(); i++) {
          fileOrder.add(key(b.example(i)));
        }
      }
    }
    assertTrue(fileOrder.size() > 3 * 6, "ALA train examples: " + fileOrder.size());
    int buffer = 6;
    List<String> shuffled = shuffled(set, type, buffer, 11);
    assertEquals(fileOrder.stream().sorted().toList(), shuffled.stream().sorted().toList(), "each example exactly once");
    assertNotEquals(fileOrder, shuffled);
    assertEquals(shuffled, shuffled(set, type, buffer, 11), "seeded");
    assertNotEquals(shuffled, shuffled(set, type, buffer, 12));
    // NPRO comes from one file, so one part has none: no batches there.
    Split missing = set.stream(ResidueType.NPRO, Split.TRAIN).isPresent() ? Split.VALIDATION : Split.TRAIN;
    try (ShuffledBatches none = set.batches(ResidueType.NPRO, missing, 4, 4, 1)) {
      assertFalse(none.hasNext());
    }
  }

  private static List<String> shuffled(TrainingSet set, String type, int buffer, long seed) {
    List<String> out = new ArrayList<>();
    try (ShuffledBatches b = set.batches(type, Split.TRAIN, 4, buffer, seed)) {
      int most = b.retained();
      while (b.hasNext()) {
        ExampleBatch batch = b.next();
        assertTrue(batch.size() == 4 || !b.hasNext());
        for (int i = 0; i < batch.size(); i++) {
          out.add(key(batch.example(i)));
        }
        most = Math.max(most, b.retained());
      }
      assertEquals(buffer, most, "never more than the buffer");
    }
    return out;
  }

  @Test
  void anInterruptedRunLeavesNoDatasetAndARerunStartsCleanly() throws IOException {
    Path out = dir.resolve("interrupted");
    RuntimeException stop = new IllegalStateException("stopped");
    ExtractionProgress stopAfterThree = (done, total, examples, file) -> {
      if (done == 3) {
        throw stop;
      }
    };
    assertEquals(stop, assertThrows(IllegalStateException.class, () -> DatasetBuilder.build(input, out, OPTIONS, stopAfterThree)));
    assertEquals(List.of(), relativeFiles(out), "no stream, manifest or temporary file");
    assertThrows(UncheckedIOException.class, () -> TrainingSet.open(out));
    DatasetBuilder.build(input, out, OPTIONS, ExtractionProgress.NONE);
    assertEquals(relativeFiles(dataset), relativeFiles(out));
    // A stream cut short is refused by the manifest check and by the reader.
    Path stream = out.resolve(DatasetFolder.streamPath(Split.TRAIN, "ALA"));
    byte[] bytes = Files.readAllBytes(stream);
    Files.write(stream, Arrays.copyOf(bytes, bytes.length - 12));
    assertThrows(UncheckedIOException.class, () -> TrainingSet.open(out));
    assertThrows(UncheckedIOException.class, () -> {
      try (DatasetReader r = new DatasetReader(stream, 1000)) {
        while (r.hasNext()) {
          r.next();
        }
      }
    });
    // A rerun replaces everything; a folder holding anything else is refused.
    DatasetBuilder.build(input, out, OPTIONS, ExtractionProgress.NONE);
    TrainingSet.open(out);
    Files.writeString(out.resolve("mine.txt"), "keep me");
    assertThrows(UncheckedIOException.class, () -> DatasetBuilder.build(input, out, OPTIONS, ExtractionProgress.NONE));
    assertTrue(Files.exists(out.resolve("mine.txt")) && Files.exists(out.resolve(DatasetManifest.FILE)));
    assertThrows(UncheckedIOException.class, () -> DatasetBuilder.build(dir.resolve("missing"), dir.resolve("x"), OPTIONS, ExtractionProgress.NONE));
  }

  private static String key(TrainingExample e) {
    return Arrays.toString(e.bead()) + Arrays.toString(e.bat());
  }

  private static void assertSame(TrainingExample want, TrainingExample got) {
    assertArrayEquals(want.bat(), got.bat(), 0);
    assertArrayEquals(want.bead(), got.bead(), 0);
    assertArrayEquals(want.environment(), got.environment(), 0);
    assertArrayEquals(want.labels(), got.labels());
    assertArrayEquals(want.mask(), got.mask());
    assertEquals(want.group(), got.group());
  }

  private static List<String> relativeFiles(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
