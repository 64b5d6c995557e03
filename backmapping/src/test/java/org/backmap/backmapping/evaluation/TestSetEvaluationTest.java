package org.backmap.backmapping.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.backmapping.decode.RandomModels;
import org.backmap.backmapping.metrics.MetricsOptions;
import org.backmap.backmapping.metrics.MetricsReport;
import org.backmap.backmapping.metrics.StructureMetrics;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.ModelReader;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-set evaluation on chignolin with untrained models: its figures against independent recomputation, resuming. */
class TestSetEvaluationTest {
  @TempDir Path tmp;

  @Test
  void figuresAgreeWithIndependentRecomputationAndARerunKeepsFinishedTargets() throws Exception {
    Path prepared = tmp.resolve("chignolin.pdb");
    Files.copy(TestSetEvaluationTest.class.getResourceAsStream("/structures/1UAO.pdb"), prepared);
    PreparedProtein protein = PreparedProtein.read(prepared, PreparationOptions.defaults().withRepair(false));
    ModelSet models = RandomModels.write(tmp.resolve("models"), new ProteinLayout(protein.cg(), TemplateLibrary.ff14SB()));
    Path out = tmp.resolve("eval");
    TestSetEvaluation.Options options = new TestSetEvaluation.Options(4, 2, 3, 1, 10);
    List<Boolean> reused = new ArrayList<>();
    TestSetEvaluation.Summary s = TestSetEvaluation.run(List.of(prepared), models, out, options, (name, done, total, r, sec) -> reused.add(r));
    assertEquals(List.of(false), reused);
    assertEquals(1, s.targets());
    TestSetEvaluation.Target t = s.results().get(0);
    assertEquals("chignolin", t.name());
    assertEquals(10, t.residues());

    // the reference energy is the prepared protein's own AMBER14SB + GBn2 energy
    double eRef = protein.energy(1).evaluate(protein.positionsNm()).total();
    assertEquals(eRef, t.energies().reference(), 1e-6 * Math.abs(eRef));
    // the decoded energies are those of the decode report, and the fraction below is counted from them
    JsonNode samples = new ObjectMapper().readTree(out.resolve("chignolin/decode.json").toFile()).get("samples");
    assertEquals(4, samples.size());
    double[] e = new double[4];
    int below = 0;
    for (int i = 0; i < 4; i++) {
      e[i] = samples.get(i).get("energy").asDouble();
      below += e[i] < eRef ? 1 : 0;
    }
    assertArrayEquals(e, t.energies().decoded(), 0);
    assertEquals(below / 4.0, t.energies().fractionBelow(), 0);
    assertEquals(2, t.energies().relaxed().length);
    assertTrue(t.energies().referenceRelaxed() <= t.energies().reference() + 1e-6, "relaxation never raises the reference's energy");
    // the metrics are those of the decoded file against the prepared structure
    MetricsReport m;
    try (ModelReader r = StructureReader.models(out.resolve("chignolin/decoded.pdb"))) {
      m = StructureMetrics.compute(r, protein.structure(), MetricsOptions.defaults().withBootstrap(10).withSeed(3));
    }
    assertEquals(m, t.metrics());
    assertEquals(m.allAtoms().clashScore(), s.allAtoms().clashScore().mean(), 0);
    assertEquals(0, s.allAtoms().clashScore().sem(), 0, "one target has no spread");
    for (String f : List.of("summary.json", "summary.md", "clash.png", "energy.png")) {
      assertTrue(Files.size(out.resolve(f)) > 100, f);
    }

    // a rerun reads the finished target back instead of decoding again, and reports the same
    Path done = out.resolve("chignolin/target.json");
    FileTime written = Files.getLastModifiedTime(done);
    reused.clear();
    TestSetEvaluation.Summary again = TestSetEvaluation.run(List.of(prepared), models, out, options, (name, d, total, r, sec) -> reused.add(r));
    assertEquals(List.of(true), reused);
    assertEquals(written, Files.getLastModifiedTime(done));
    assertEquals(s.allAtoms(), again.allAtoms());
    assertEquals(s.fractionBelowReference(), again.fractionBelowReference(), 0);
  }

  @Test
  void statisticsOverTargets() {
    TestSetEvaluation.Stat s = TestSetEvaluation.Stat.of(new double[] {1, 2, 3, 4});
    assertEquals(2.5, s.mean(), 1e-15);
    assertEquals(Math.sqrt(5.0 / 3), s.sd(), 1e-15);
    assertEquals(Math.sqrt(5.0 / 3) / 2, s.sem(), 1e-15);
    assertEquals(2.5, TestSetEvaluation.median(new double[] {4, 1, 3, 2}), 0);
    assertEquals(3, TestSetEvaluation.median(new double[] {5, 3, 1}), 0);
    assertEquals(0.5, TestSetEvaluation.fractionBelow(new double[] {1, 2, 3, 4}, 3), 0);
    assertTrue(Double.isNaN(TestSetEvaluation.fractionBelow(new double[0], 3)));
  }

  @Test
  void impossibleOptionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TestSetEvaluation.Options(1, 0, 1, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new TestSetEvaluation.Options(4, 5, 1, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new TestSetEvaluation.Options(4, 1, 1, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> TestSetEvaluation.run(List.of(), null, tmp, new TestSetEvaluation.Options(4, 1, 1, 1, 10),
        (a, b, c, d, e) -> {}));
  }
}
