package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backmap reweight} with the shipped models on the NMR models of chignolin; bad options and inputs. */
class ReweightCommandTest {
  private static final Path CHIGNOLIN = Cli.resource("chignolin/1UAO.pdb");

  @Test
  void weightsOfSamplesDrawnFromTheNmrModels(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("w.csv");
    Path json = dir.resolve("w.json");
    Cli.Result r = Cli.run("reweight", "-i", CHIGNOLIN.toString(), "--cg-model", "cluster-uniform", "--cutoff", "1.0", "-n", "12", "--batch", "5",
        "-o", csv.toString(), "--json", json.toString(), "--reference", CHIGNOLIN.toString(), "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> rows = Files.readAllLines(csv);
    assertEquals(13, rows.size());
    JsonNode s = new ObjectMapper().readTree(json.toFile());
    assertEquals(12, s.get("samples").asLong());
    assertTrue(s.get("cgModel").asText().startsWith("cluster-uniform"), s.toString());
    double ess = s.get("kishEss").asDouble();
    assertTrue(ess >= 1 - 1e-9 && ess <= 12 + 1e-9, "Kish ESS between 1 and N: " + ess);
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      double logW = -Double.parseDouble(c[6]) / (8.314462618e-3 * 300) + Double.parseDouble(c[5]) - Double.parseDouble(c[3]) - Double.parseDouble(c[4]);
      assertEquals(logW, Double.parseDouble(c[7]), 1e-5 * Math.max(1, Math.abs(logW)), row);
    }
    assertTrue(r.out().contains("Kish ESS"), r.out());
  }

  @Test
  void badOptionsAndInputsFailWithoutFiles(@TempDir Path dir) {
    String out = dir.resolve("w.csv").toString();
    String in = CHIGNOLIN.toString();
    for (String[] args : List.of(new String[] {"reweight", "-i", in, "-o", out, "--cg-model", "flow"},
        new String[] {"reweight", "-i", in, "-o", out, "--cutoff", "0"}, new String[] {"reweight", "-i", in, "-o", out, "-n", "0"},
        new String[] {"reweight", "-i", in, "-o", out, "--temperature", "-3"},
        new String[] {"reweight", "-i", in, "-o", out, "--topology", in}, new String[] {"reweight", "-o", out},
        new String[] {"reweight", "-i", in, "-o", out, "--cg-model", "flow:" + dir})) {
      Cli.Result r = Cli.run(args);
      assertEquals(ErrorReport.USAGE, r.exitCode(), String.join(" ", args) + "\n" + r);
    }
    Cli.Result skipped = Cli.run("reweight", "-i", in, "-o", out, "--skip", "1000");
    assertEquals(1, skipped.exitCode(), skipped.toString());
    assertTrue(skipped.err().contains("no frame"), skipped.err());
    Cli.Result noFlow = Cli.run("reweight", "-o", out, "--cg-model", "flow:" + dir.resolve("none"));
    assertEquals(1, noFlow.exitCode(), noFlow.toString());
    assertTrue(noFlow.err().contains("no CG flow"), noFlow.err());
    assertEquals(List.of(), Cli.files(dir));
  }

  @Test
  void aCgFlowTrainedOnTheNmrModelsDrivesReweighting(@TempDir Path dir) throws Exception {
    // eight frames: the NMR structure moved by up to 0.1 Angstrom per coordinate
    List<String> atoms = Files.readAllLines(CHIGNOLIN).stream().filter(l -> l.startsWith("ATOM")).toList();
    StringBuilder models = new StringBuilder();
    java.util.SplittableRandom random = new java.util.SplittableRandom(8);
    for (int m = 1; m <= 8; m++) {
      models.append(String.format("MODEL     %4d%n", m));
      for (String a : atoms) {
        StringBuilder xyz = new StringBuilder();
        for (int c = 0; c < 3; c++) {
          double v = Double.parseDouble(a.substring(30 + 8 * c, 38 + 8 * c).trim()) + random.nextDouble(-0.1, 0.1);
          xyz.append(String.format(java.util.Locale.ROOT, "%8.3f", v));
        }
        models.append(a, 0, 30).append(xyz).append(a.substring(54)).append('\n');
      }
      models.append("ENDMDL\n");
    }
    Path frames = dir.resolve("frames.pdb");
    Files.writeString(frames, models.append("END\n"));
    Path flow = dir.resolve("flow");
    Cli.Result single = Cli.run("cg-flow", "-i", CHIGNOLIN.toString(), "-o", flow.toString());
    assertEquals(1, single.exitCode(), single.toString());
    assertTrue(single.err().contains("at least 2"), single.err());
    Cli.Result trained = Cli.run("cg-flow", "-i", frames.toString(), "-o", flow.toString(), "--epochs", "3", "--batch", "4",
        "--hidden", "16", "--validation", "0.25", "--samples", "200", "--threads", "1");
    assertEquals(0, trained.exitCode(), trained.toString());
    assertTrue(Files.isRegularFile(flow.resolve("marginals.png")));
    JsonNode report = new ObjectMapper().readTree(flow.resolve("cg-flow-report.json").toFile());
    assertEquals(3, report.get("epochs").size());
    assertTrue(report.get("modelled").asInt() > 100 && report.get("modelled").asInt() <= report.get("coordinates").asInt(), report.toString());
    Path csv = dir.resolve("w.csv");
    Cli.Result r = Cli.run("reweight", "--cg-model", "flow:" + flow, "-n", "3", "--batch", "3", "-o", csv.toString(), "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> rows = Files.readAllLines(csv);
    assertEquals(4, rows.size());
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",", -1);
      assertEquals("", c[1], "a flow's samples are no frames");
      assertTrue(Double.isFinite(Double.parseDouble(c[3])), row);
    }
    Cli.Result bad = Cli.run("cg-flow", "-i", CHIGNOLIN.toString(), "-o", dir.resolve("bad").toString(), "--validation", "1");
    assertEquals(ErrorReport.USAGE, bad.exitCode(), bad.toString());
    Cli.Result impatient = Cli.run("cg-flow", "-i", CHIGNOLIN.toString(), "-o", dir.resolve("bad").toString(), "--patience", "-1");
    assertEquals(ErrorReport.USAGE, impatient.exitCode(), impatient.toString());
    assertTrue(impatient.err().contains("--patience"), impatient.toString());
  }

  @Test
  void studyComparesARunWithTheSimulationItCameFrom(@TempDir Path dir) throws Exception {
    String md = dir.resolve("chig").toString();
    Cli.Result sim = Cli.run("md", "-i", CHIGNOLIN.toString(), "-o", md, "--ps", "0.2", "--report-ps", "0.02", "--pdb", "--threads", "1");
    assertEquals(0, sim.exitCode(), sim.toString());
    // the frames as PDB files, every second one after the first two
    Path framesDir = dir.resolve("frames");
    Cli.Result frames = Cli.run("frames", "-i", md + ".dcd", "--topology", md + ".pdb", "--skip", "2", "--stride", "2", "-o", framesDir.toString());
    assertEquals(0, frames.exitCode(), frames.toString());
    assertEquals(List.of("frame-000003.pdb", "frame-000005.pdb", "frame-000007.pdb", "frame-000009.pdb"),
        Cli.files(framesDir).stream().sorted().toList());
    var third = org.backmap.md.structure.StructureReader.read(framesDir.resolve("frame-000003.pdb"));
    var fromPdb = org.backmap.md.structure.StructureReader.read(Path.of(md + ".pdb"), 2);
    var a = third.chains().get(0).residues().get(4).atom("CA");
    var b = fromPdb.chains().get(0).residues().get(4).atom("CA");
    assertEquals(b.x(), a.x(), 1.5e-3);
    assertEquals(b.z(), a.z(), 1.5e-3);
    Cli.Result again = Cli.run("frames", "-i", md + ".dcd", "--topology", md + ".pdb", "-o", framesDir.toString());
    assertEquals(1, again.exitCode(), again.toString());
    Path csv = dir.resolve("w.csv");
    Cli.Result r = Cli.run("reweight", "-i", md + ".dcd", "--topology", md + ".pdb", "-n", "4", "--batch", "4", "-o", csv.toString(),
        "--reference", CHIGNOLIN.toString(), "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    Path out = dir.resolve("study");
    Cli.Result study = Cli.run("reweight-study", "--md", md + ".dcd", "--topology", md + ".pdb", "--folded", CHIGNOLIN.toString(), "--run",
        "pop=" + csv, "-o", out.toString(), "--threads", "1");
    assertEquals(0, study.exitCode(), study.toString());
    JsonNode s = new ObjectMapper().readTree(out.resolve("study.json").toFile());
    assertEquals(10, s.get("frames").asInt());
    JsonNode run = s.get("runs").get(0);
    assertEquals(4, run.get("samples").asInt());
    assertEquals(12, run.get("chis").size(), "chi1 and chi2 of TYR, ASP, PRO, GLU, TRP; chi1 of both THR");
    for (JsonNode f : run.get("figures")) {
      assertTrue(Files.isRegularFile(out.resolve(f.asText())), f.asText());
    }
    Cli.Result badName = Cli.run("reweight-study", "--md", md + ".dcd", "--topology", md + ".pdb", "--folded", CHIGNOLIN.toString(), "--run",
        "a/b=" + csv, "-o", out.toString());
    assertEquals(ErrorReport.USAGE, badName.exitCode(), badName.toString());
  }

  @Test
  void singleResidueStudyGivesAnEffectiveSampleSizePerSideChain(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("residues.json");
    Cli.Result r = Cli.run("reweight-residues", "-i", CHIGNOLIN.toString(), "-n", "20", "--batch", "8", "--residues", "2,9", "-o", json.toString(),
        "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode s = new ObjectMapper().readTree(json.toFile());
    assertEquals(2, s.get("residues").size());
    assertEquals("TYR2", s.get("residues").get(0).get("residue").asText());
    assertEquals("TRP9", s.get("residues").get(1).get("residue").asText());
    for (JsonNode res : s.get("residues")) {
      double ess = res.get("kishEss").asDouble();
      assertTrue(ess >= 1 - 1e-9 && ess <= 20 + 1e-9, res.toString());
      assertEquals(20, res.get("samples").asInt());
    }
    Cli.Result bad = Cli.run("reweight-residues", "-i", CHIGNOLIN.toString(), "--residues", "42", "-o", json.toString());
    assertEquals(ErrorReport.USAGE, bad.exitCode(), bad.toString());
  }

  @Test
  void singleResidueStudyComparesTorsionsWithARestrainedSimulation(@TempDir Path dir) throws Exception {
    String md = dir.resolve("held").toString();
    Cli.Result sim = Cli.run("md", "-i", CHIGNOLIN.toString(), "-o", md, "--ps", "0.1", "--report-ps", "0.01", "--restrain-cg", "200000",
        "--pdb", "--threads", "1");
    assertEquals(0, sim.exitCode(), sim.toString());
    Path json = dir.resolve("residues.json");
    Path png = dir.resolve("chis.png");
    Cli.Result r = Cli.run("reweight-residues", "-i", md + ".pdb", "-n", "12", "--batch", "6", "--residues", "5,9", "--md", md + ".dcd",
        "--topology", md + ".pdb", "--skip", "2", "--figure", png.toString(), "-o", json.toString(), "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode s = new ObjectMapper().readTree(json.toFile());
    assertEquals(8, s.get("mdFrames").asInt(), "10 frames, the first 2 skipped");
    for (JsonNode res : s.get("residues")) {
      JsonNode chis = res.get("chis");
      assertEquals(2, chis.size(), res.toString());
      assertTrue(chis.get(0).get("chi").asText().startsWith("chi1_" + res.get("residue").asText()), chis.toString());
      for (JsonNode c : chis) {
        for (String k : List.of("raw", "reweighted")) {
          double js = c.get(k).asDouble();
          assertTrue(js >= 0 && js <= Math.log(2) + 1e-12, c.toString());
        }
      }
    }
    assertTrue(Files.size(png) > 1000);
    // a simulation of another protein, and --figure without --md
    Cli.Result other = Cli.run("reweight-residues", "-i", CHIGNOLIN.toString(), "-n", "2", "--residues", "9", "--md", md + ".dcd",
        "--topology", md + ".pdb", "-o", dir.resolve("x.json").toString(), "--threads", "1");
    assertEquals(0, other.exitCode(), "the same protein prepared from the NMR file: " + other);
    Cli.Result noMd = Cli.run("reweight-residues", "-i", CHIGNOLIN.toString(), "--figure", png.toString(), "-o", dir.resolve("y.json").toString());
    assertEquals(ErrorReport.USAGE, noMd.exitCode(), noMd.toString());
    Cli.Result noTop = Cli.run("reweight-residues", "-i", CHIGNOLIN.toString(), "--md", md + ".dcd", "-o", dir.resolve("y.json").toString());
    assertEquals(ErrorReport.USAGE, noTop.exitCode(), noTop.toString());
    assertFalse(Files.exists(dir.resolve("y.json")));
  }
}
