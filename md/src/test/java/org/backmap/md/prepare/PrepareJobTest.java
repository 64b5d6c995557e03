package org.backmap.md.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.EnergyComponent;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.protein.PreparedProtein;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PrepareJob} on three small corpus structures and a corrupt file. */
class PrepareJobTest {
  static final Path FIXTURES = Path.of("src/test/resources/pdb/prepare");
  static final List<String> NAMES = List.of("1bbo.pdb.gz", "1znf.pdb.gz", "4m4b.cif.gz");
  /** Prepared once with the default settings, shared by the tests that only read the result. */
  static Path prepared;
  static PrepareReport report;

  @TempDir static Path shared;

  @BeforeAll
  static void prepareAll() throws IOException {
    prepared = shared.resolve("out");
    report = new PrepareJob(prepared, PrepareSettings.defaults(), 2).run(inputs(shared.resolve("in")), PrepareProgress.NONE, () -> false);
  }

  /** Copies of the fixtures and, last, a corrupt file, in {@code dir}. */
  static List<Path> inputs(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (String name : NAMES) {
      files.add(Files.copy(FIXTURES.resolve(name), dir.resolve(name)));
    }
    Path corrupt = dir.resolve("corrupt.pdb");
    Files.writeString(corrupt, "ATOM      1  N   ALA A   1    garbage in the coordinate columns\nEND\n");
    files.add(corrupt);
    return InputFiles.expand(List.of(dir));
  }

  private static PreparedFile record(PrepareReport r, String name) {
    return r.files().stream().filter(f -> Path.of(f.input()).getFileName().toString().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aCorruptFileIsSkippedWithItsReasonAndTheOthersArePrepared() {
    PreparedFile corrupt = record(report, "corrupt.pdb");
    assertEquals(FileStatus.SKIPPED, corrupt.status());
    assertEquals("unreadable", corrupt.skipKind());
    assertTrue(corrupt.reason().contains("corrupt.pdb") && !corrupt.reason().contains("\n"), corrupt.reason());
    assertEquals(4, report.totals().files());
    assertEquals(3, report.totals().prepared());
    assertEquals(1, report.skippedByKind().get("unreadable"));
    assertTrue(Files.isRegularFile(prepared.resolve(PrepareReport.JSON_FILE)));
    assertTrue(Files.isRegularFile(prepared.resolve(PrepareReport.MARKDOWN_FILE)));
  }

  @Test
  void outputsAreHydrogenCompleteAndNeedNoRepair() {
    for (String name : NAMES) {
      PreparedFile r = record(report, name);
      assertEquals(FileStatus.OK, r.status(), r.toString());
      assertTrue(r.output().endsWith(".pdb"), r.output());
      PreparedProtein again = PreparedProtein.read(prepared.resolve(r.output()));
      assertEquals(List.of(), again.repairs(), name);
      assertEquals(0, again.completion().addedHydrogens(), name);
      assertEquals(0, again.completion().addedTerminalOxygens(), name);
      assertEquals(r.atoms(), again.atomCount(), name);
    }
  }

  @Test
  void minimisationLowersTheEnergy() {
    for (String name : NAMES) {
      PreparedFile r = record(report, name);
      assertTrue(r.energyAfter() < r.energyBefore() - 100, r.toString());
      assertTrue(r.iterations() > 0 && r.iterations() <= PrepareSettings.DEFAULT_MAX_ITERATIONS, r.toString());
    }
  }

  @Test
  void theReportCountsHistidinesOverTheCorpus() throws IOException {
    int his = report.histidines().values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(his > 0, report.histidines().toString()); // both zinc fingers have histidines
    JsonNode json = new ObjectMapper().readTree(prepared.resolve(PrepareReport.JSON_FILE).toFile());
    assertEquals(his, json.get("histidines").get("HID").asInt() + json.get("histidines").get("HIE").asInt() + json.get("histidines").get("HIP").asInt());
    assertEquals(4, json.get("files").size());
  }

  /**
   * The prepared structures against OpenMM minimising the same inputs the same way (pdbfixer, then at most 1,000
   * L-BFGS iterations of the vacuum energy with {@code CutoffNonPeriodic} at 1.0 nm, the energy
   * {@link org.backmap.md.energy.CutoffNonbondedTerm} reproduces); {@code openmm-minimized.json} from
   * {@code src/test/python/prepare_reference.py}. The minima are compared on the scale of the energy's terms (the
   * sum of their magnitudes), since the total lies near zero for small proteins.
   */
  @Test
  void preparedEnergiesAreWithinAFewPercentOfOpenMmMinimisingTheSameInput() throws IOException {
    JsonNode reference = new ObjectMapper().readTree(FIXTURES.resolve("openmm-minimized.json").toFile()).get("structures");
    for (String name : NAMES) {
      PreparedFile r = record(report, name);
      PreparedProtein p = PreparedProtein.read(prepared.resolve(r.output()));
      EnergyBreakdown terms = ForceFieldEnergy.vacuum(p.system(), 1, PrepareSettings.DEFAULT_CUTOFF_NM).evaluate(p.positionsNm()).energies();
      double scale = 0;
      for (EnergyComponent c : EnergyComponent.values()) {
        scale += Math.abs(terms.get(c));
      }
      double openmm = reference.get(name).get("cutoff_minimized").asDouble();
      System.out.printf(Locale.ROOT, "%s: prepared %.1f kJ/mol, OpenMM %.1f kJ/mol, difference %.1f%% of the term scale %.0f%n", name,
          r.energyAfter(), openmm, 100 * (r.energyAfter() - openmm) / scale, scale);
      assertEquals(reference.get(name).get("atoms").asInt(), r.atoms(), name);
      assertEquals(terms.total(), r.energyAfter(), 1e-3 * scale, "the written structure keeps its energy");
      assertEquals(openmm, r.energyAfter(), 0.06 * scale, name);
    }
  }

  @Test
  void anInterruptedRunResumesByHashToTheSameOutputs(@TempDir Path dir) throws IOException {
    List<Path> in = inputs(dir.resolve("in"));
    Path out = dir.resolve("out");
    AtomicInteger done = new AtomicInteger();
    PrepareReport first = new PrepareJob(out, PrepareSettings.defaults(), 1).run(in, (f, n, total, s, eta) -> done.incrementAndGet(),
        () -> done.get() >= 2);
    assertTrue(first.stopped());
    assertEquals(2, first.totals().finished());
    Files.writeString(out.resolve(".1bbo.pdb.k3j2.tmp"), "left by a killed run");
    List<PreparedFile> told = new ArrayList<>();
    PrepareReport second = new PrepareJob(out, PrepareSettings.defaults(), 2).run(in, (f, n, total, s, eta) -> told.add(f), () -> false);
    assertFalse(second.stopped());
    assertEquals(2, second.totals().resumed());
    assertEquals(4, told.size());
    assertEquals(4, second.totals().finished());
    for (PreparedFile f : first.files()) {
      PreparedFile again = record(second, Path.of(f.input()).getFileName().toString());
      assertEquals(f.seconds(), again.seconds(), 0, "taken from the manifest, not prepared again");
    }
    for (String name : NAMES) {
      String output = record(second, name).output();
      assertNotNull(output);
      assertArrayEquals(Files.readAllBytes(prepared.resolve(output)), Files.readAllBytes(out.resolve(output)), output);
    }
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
    }
    long lines = Files.readAllLines(out.resolve("prepare-manifest.jsonl"), StandardCharsets.UTF_8).size();
    assertEquals(4, lines);
  }

  @Test
  void aPartialManifestLineIsIgnoredAndThatFilePreparedAgain(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("one.cif.gz");
    Files.copy(FIXTURES.resolve("4m4b.cif.gz"), in);
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("prepare-manifest.jsonl"), "{\"input\":\"x\",\"sha256\":\"" + PrepareJob.sha256(in) + "\",\"sett");
    PrepareReport r = new PrepareJob(out, PrepareSettings.defaults().withMinimize(false), 1).run(List.of(in), PrepareProgress.NONE, () -> false);
    assertEquals(0, r.totals().resumed());
    assertEquals(1, r.totals().prepared());
    assertEquals(null, r.files().get(0).energyAfter());
    PrepareReport again = new PrepareJob(out, PrepareSettings.defaults().withMinimize(false), 1).run(List.of(in), PrepareProgress.NONE, () -> false);
    assertEquals(1, again.totals().resumed());
  }
}
