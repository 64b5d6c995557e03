package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.backmap.backmapping.metrics.MetricsOptions;
import org.backmap.backmapping.metrics.MetricsReport;
import org.backmap.backmapping.metrics.StructureMetrics;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {
  private static final Path REFERENCE = Cli.resource("chignolin/1UAO.pdb");

  /** The reference with every atom of residue {@code index} (or all, for -1) moved by {@code dx} in x. */
  private static Structure shifted(Structure s, int index, double dx) {
    List<Residue> rs = s.chains().getFirst().residues();
    return s.withChains(List.of(s.chains().getFirst().withResidues(rs.stream().map(r -> index >= 0 && r != rs.get(index) ? r
        : r.withAtoms(r.atoms().stream().map(a -> a.at(a.x() + dx, a.y(), a.z())).toList())).toList())));
  }

  @Test
  void scoresAnEnsembleAndWritesTheReport(@TempDir Path dir) throws Exception {
    Structure ref = StructureReader.read(REFERENCE);
    List<Structure> ensemble = List.of(shifted(ref, 3, 0.4), shifted(ref, -1, 0.3), shifted(ref, 8, -0.5), ref);
    Path pdb = dir.resolve("decoded.pdb");
    PdbWriter.writeModels(ensemble, pdb);
    Path gz = dir.resolve("decoded.pdb.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(pdb));
    }
    Path json = dir.resolve("metrics.json");
    Cli.Result r = Cli.run("metrics", "-i", gz.toString(), "--ref", REFERENCE.toString(), "--json", json.toString(),
        "--bootstrap", "20", "--seed", "5");
    assertEquals(0, r.exitCode(), r.toString());
    MetricsReport expected = StructureMetrics.compute(ensemble, ref, MetricsOptions.defaults().withBootstrap(20).withSeed(5));
    MetricsReport written = new ObjectMapper().readValue(json.toFile(), MetricsReport.class);
    assertEquals(expected.allAtoms().bondScore(), written.allAtoms().bondScore(), 1e-12);
    assertEquals(expected.heavyAtoms().diversityMean(), written.heavyAtoms().diversityMean(), 1e-6);
    assertEquals(4, written.structures());
    assertTrue(written.allAtoms().bondScore() < 1, "the shifted residues stretch their peptide bonds");
    String[] lines = r.out().split("\n");
    assertEquals("decoded.pdb.gz: 4 structures of 10 residues against 1UAO.pdb", lines[0]);
    assertTrue(lines[2].startsWith("all atoms        138     141 ") && lines[2].contains(" %   "), r.toString());
    assertTrue(lines[3].startsWith("heavy atoms       77      80 "), r.toString());
    assertTrue(lines[2].endsWith(String.format(java.util.Locale.ROOT, "%.3f +/- %.3f", written.allAtoms().diversityMean(),
        written.allAtoms().diversityStd())), r.toString());
    assertEquals("report: " + json, lines[4]);

    // the same numbers from the plain file, without a report
    Cli.Result plain = Cli.run("metrics", "-i", pdb.toString(), "--ref", REFERENCE.toString(), "--bootstrap", "20", "--seed", "5");
    assertEquals(0, plain.exitCode(), plain.toString());
    assertEquals(r.out().lines().skip(1).limit(3).toList(), plain.out().lines().skip(1).limit(3).toList());

    Cli.Result help = Cli.run("metrics", "--help");
    assertTrue(help.out().replaceAll("\\s+", " ").contains("bonds within 10 % of the reference's length"), help.toString());
  }

  @Test
  void badInputIsOneLineNamingFileResidueAndAtomAndWritesNothing(@TempDir Path dir) throws Exception {
    Structure ref = StructureReader.read(REFERENCE);
    Path json = dir.resolve("metrics.json");
    // a model that lacks an atom the first has
    Structure lacking = ref.withChains(List.of(ref.chains().getFirst().withResidues(ref.chains().getFirst().residues().stream()
        .map(res -> res.number() != 2 ? res : res.withAtoms(res.atoms().stream().filter(a -> !a.name().equals("OH")).toList())).toList())));
    Path uneven = dir.resolve("uneven.pdb");
    PdbWriter.writeModels(List.of(ref, lacking), uneven);
    assertError("uneven.pdb model 2: chain A residue 2 TYR atom OH: missing (model 1 has it)", "-i", uneven.toString(),
        "--ref", REFERENCE.toString(), "--json", json.toString());
    // generated structures with an atom the reference lacks
    Path lackingRef = dir.resolve("lacking.pdb");
    PdbWriter.write(lacking, lackingRef);
    Path pair = dir.resolve("pair.pdb");
    PdbWriter.writeModels(List.of(ref, ref), pair);
    assertError("pair.pdb model 1: chain A residue 2 TYR atom OH: not in the reference lacking.pdb", "-i", pair.toString(),
        "--ref", lackingRef.toString(), "--json", json.toString());
    Path single = dir.resolve("single.pdb");
    PdbWriter.write(ref, single);
    assertError("single.pdb: the only generated structure: the diversity score needs at least 2", "-i", single.toString(),
        "--ref", REFERENCE.toString());
    Path empty = Files.writeString(dir.resolve("empty.pdb"), "");
    assertError("empty.pdb: empty file", "-i", empty.toString(), "--ref", REFERENCE.toString());
    Cli.Result missing = Cli.run("metrics", "-i", pair.toString(), "--ref", dir.resolve("none.pdb").toString());
    assertEquals(ErrorReport.INPUT, missing.exitCode(), missing.toString());
    assertTrue(missing.err().strip().endsWith("none.pdb: does not exist"), missing.toString());
    Cli.Result usage = Cli.run("metrics", "-i", pair.toString(), "--ref", REFERENCE.toString(), "--bootstrap", "0");
    assertEquals(ErrorReport.USAGE, usage.exitCode(), usage.toString());
    assertTrue(usage.err().contains("--bootstrap must be at least 1, got 0"), usage.toString());
    assertEquals(List.of("empty.pdb", "lacking.pdb", "pair.pdb", "single.pdb", "uneven.pdb"), Cli.files(dir), "no report, no temporary file");
  }

  private static void assertError(String message, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "metrics";
    System.arraycopy(args, 0, all, 1, args.length);
    Cli.Result r = Cli.run(all);
    assertEquals(ErrorReport.INPUT, r.exitCode(), r.toString());
    assertEquals("backmap metrics: error: " + message, r.err().strip(), r.toString());
  }
}
