package org.backmap.backmapping.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.backmap.backmapping.Fixtures;
import org.backmap.backmapping.model.ModelConfig;
import org.backmap.backmapping.model.Preset;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.backmapping.train.ResidueTrainer;
import org.backmap.backmapping.train.TrainingListener;
import org.backmap.backmapping.train.TrainingOptions;
import org.backmap.backmapping.train.TrainingResult;
import org.backmap.md.dataset.DatasetReader;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingSet;
import org.backmap.nn.checkpoint.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on small models of the dataset extracted from the test structures: THR (one chi), GLY (unconditional,
 * with a bead) and Nterm (no bead) trained here for one epoch; ILE (two chis) and LYS (no validation examples)
 * freshly initialised.
 */
class ModelReportTest {
  @TempDir static Path tmp;
  static Path data;
  static Path models;
  static final Map<String, TrainingResult> trained = new HashMap<>();
  static final Map<String, JsonNode> before = new HashMap<>();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void train() throws Exception {
    data = Fixtures.extracted(tmp.resolve("extracted"));
    models = tmp.resolve("models");
    ResidueTrainer trainer = new ResidueTrainer(data, models, TrainingOptions.defaults().withEpochs(1).withBatchSize(16));
    for (String type : List.of("THR", "GLY", "Nterm")) {
      trained.put(type, trainer.train(type, TrainingListener.NONE, () -> false));
    }
    for (String type : List.of("ILE", "LYS")) {
      ObjectNode info = JSON.createObjectNode().put("type", type).put("preset", "default");
      new ResidueModel(ModelConfig.of(Preset.DEFAULT, type, 3)).save(ResidueModel.manifest(models, type), info);
    }
    for (String type : List.of("THR", "ILE", "GLY", "Nterm", "LYS")) {
      before.put(type, JSON.readTree(ResidueModel.manifest(models, type).toFile()).path("config"));
    }
  }

  static ReportOptions small() {
    return ReportOptions.defaults().withSamples(300).withEnvironments(3).withBatchSize(4);
  }

  @Test
  void reportsFiniteFiguresPlotsAndStoresTheBeadScale() throws Exception {
    Path out = tmp.resolve("report");
    List<String> started = new ArrayList<>();
    ModelReport.Result r = ModelReport.run(models, data, out, small(), new ReportProgress() {
      @Override
      public void typeStarted(String type, int index, int types, long examples) {
        started.add(type + " " + index + "/" + types);
      }
    });
    assertEquals(List.of("ILE 1/4", "THR 2/4", "GLY 3/4", "Nterm 4/4"), started);
    assertEquals(List.of("ILE", "THR", "GLY", "Nterm"), r.types().stream().map(TypeEvaluation::type).toList());
    assertTrue(r.skipped().contains(new SkippedType("LYS", "no validation examples in " + data)), r.skipped().toString());
    assertTrue(r.skipped().contains(new SkippedType("LEU", "no model in " + models)), r.skipped().toString());

    TrainingSet set = TrainingSet.open(data);
    for (TypeEvaluation t : r.types()) {
      assertEquals(set.examples(t.type(), Split.VALIDATION), t.examples(), t.type());
      // with every validation example, the NLL is the trainer's validation NLL of the same weights
      double expected = trained.containsKey(t.type()) ? trained.get(t.type()).bestValidationNll()
          : validationNll(ResidueModel.load(models, t.type()), t.type());
      assertEquals(expected, t.nllPerExample(), 1e-4 * Math.max(1, Math.abs(expected)), t.type());
      assertEquals(t.nllPerExample() / t.dims(), t.nllPerDof(), 1e-12);
      // the environment's worth: measured for conditional types, not for the unconditional GLY and Nterm
      boolean conditional = !List.of("GLY", "Nterm").contains(t.type());
      assertEquals(conditional, Double.isFinite(t.environmentGain()), t.type() + " " + t.environmentGain());
      for (ChiDivergence c : t.chis()) {
        assertTrue(c.jsDivergence() >= 0 && c.jsDivergence() <= Math.log(2), t.type() + " " + c);
        assertTrue(c.samplingFloor() > 0, t.type() + " " + c);
      }
      for (String plot : t.plots()) {
        BufferedImage image = ImageIO.read(out.resolve(plot).toFile());
        assertNotNull(image, plot + " is not an image");
        assertTrue(image.getWidth() >= 500 && image.getHeight() >= 300, plot);
      }
    }
    TypeEvaluation ile = r.types().get(0);
    TypeEvaluation thr = r.types().get(1);
    assertEquals(List.of("chi1"), thr.chis().stream().map(ChiDivergence::name).toList());
    assertEquals("C-CA-CB-OG1", thr.chis().get(0).atoms());
    assertEquals(2, ile.chis().size());
    assertEquals(List.of("plots/THR-chi.png", "plots/THR-chi1-environments.png"), thr.plots());
    assertEquals(3, thr.environments().size());
    for (EnvironmentSpread e : thr.environments()) {
      assertEquals(300, e.samples());
      assertTrue(e.meanResultantLength() >= 0 && e.meanResultantLength() <= 1 && e.particles() > 0, e.toString());
      assertTrue(e.example() >= 0 && e.example() < thr.examples(), e.toString());
    }

    // bead deviations: side chains (GLY included), not the N-terminal hydrogens
    for (TypeEvaluation t : List.of(thr, ile, r.types().get(2))) {
      BeadDeviation b = t.bead();
      assertNotNull(b, t.type());
      assertEquals(t.examples(), b.examples());
      for (double s : new double[] {b.scaleX(), b.scaleY(), b.scaleZ(), b.scale()}) {
        assertTrue(Double.isFinite(s) && s > 0 && s < 5, t.type() + " " + b);
      }
      // the pooled scale is the mean of the three (each axis has the same count)
      assertEquals((b.scaleX() + b.scaleY() + b.scaleZ()) / 3, b.scale(), 1e-12);
      // the data's own side chains miss their bead only by their hydrogens' bond lengths: far less than samples
      assertTrue(b.truthScale() >= 0 && b.truthScale() < 0.1 && b.truthScale() < b.scale(), t.type() + " " + b);
      JsonNode config = JSON.readTree(ResidueModel.manifest(models, t.type()).toFile()).path("config");
      assertEquals(b.scale(), config.path(ModelReport.LAPLACE_SCALE).asDouble(), 0, t.type());
      // every other fact of the model file is kept
      ObjectNode without = ((ObjectNode) config).deepCopy();
      without.remove(ModelReport.LAPLACE_SCALE);
      assertEquals(before.get(t.type()), without, t.type());
    }
    TypeEvaluation nterm = r.types().get(3);
    assertNull(nterm.bead());
    assertTrue(nterm.chis().isEmpty() && nterm.plots().isEmpty());
    assertTrue(JSON.readTree(ResidueModel.manifest(models, "Nterm").toFile()).path("config").path(ModelReport.LAPLACE_SCALE)
        .isMissingNode());
    // the model still loads and gives the same densities: only its config changed
    assertEquals(trained.get("THR").bestValidationNll(), validationNll(ResidueModel.load(models, "THR"), "THR"), 1e-4);

    ModelReport.WorstChi worst = r.worstChi12();
    assertNotNull(worst);
    double max = r.types().stream().flatMap(t -> t.chis().stream()).filter(c -> !c.name().equals("chi3"))
        .mapToDouble(ChiDivergence::jsDivergence).max().orElseThrow();
    assertEquals(max, worst.jsDivergence(), 0);
    assertEquals(worst.jsDivergence() <= 0.02, worst.withinTarget());
    // a handful of validation examples cannot resolve 0.02
    assertTrue(worst.samplingFloor() > ModelReport.RESOLVED_FLOOR, worst.toString());
    assertNull(r.worstChi12Resolved());

    // the JSON holds the same figures, the Markdown one row per type
    JsonNode json = JSON.readTree(out.resolve(ModelReport.JSON_FILE).toFile());
    assertEquals(4, json.path("types").size());
    assertEquals(thr.nllPerExample(), json.path("types").get(1).path("nllPerExample").asDouble(), 0);
    assertEquals(ile.chis().get(1).jsDivergence(), json.path("types").get(0).path("chis").get(1).path("jsDivergence")
        .asDouble(), 0);
    String md = Files.readString(out.resolve(ModelReport.MARKDOWN_FILE));
    for (TypeEvaluation t : r.types()) {
      assertTrue(md.contains("| " + t.type() + " | " + t.examples() + " | "), t.type() + "\n" + md);
    }
    assertTrue(md.contains(String.format(java.util.Locale.ROOT, "%.4f", thr.chis().get(0).jsDivergence())), md);

    // the models manifest: every model (evaluated or not), file hashes, the training facts and the figures
    JsonNode manifest = JSON.readTree(models.resolve(ModelsManifest.FILE).toFile());
    assertEquals(ModelsManifest.FORMAT, manifest.path("format").asText());
    assertEquals(5, manifest.path("types").size());
    JsonNode thrEntry = manifest.path("types").path("THR");
    JsonNode files = thrEntry.path("files");
    assertEquals(2, files.size());
    for (var it = files.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      assertEquals(ModelsManifest.sha256(models.resolve("THR").resolve(name)), files.path(name).asText(), name);
    }
    assertEquals("default", thrEntry.path("preset").asText());
    assertEquals(before.get("THR").path("dataManifestSha256"), thrEntry.path("dataManifestSha256"));
    assertEquals(thr.chis().get(0).jsDivergence(), thrEntry.path("evaluation").path("jsDivergence").path("chi1").asDouble(), 0);
    assertEquals(thr.bead().scale(), thrEntry.path("evaluation").path("laplaceScaleAngstrom").path("pooled").asDouble(), 0);
    assertTrue(manifest.path("types").path("LYS").path("evaluation").isMissingNode());
  }

  @Test
  void theFirstExamplesOnlyAndTheSameNumbersForTheSameSeed() throws Exception {
    ReportOptions capped = small().withMaxExamples(3).withEnvironments(1).withSamples(20);
    ModelReport.Result a = ModelReport.run(models, data, tmp.resolve("capped-a"), capped, ReportProgress.NONE);
    ModelReport.Result b = ModelReport.run(models, data, tmp.resolve("capped-b"), capped, ReportProgress.NONE);
    for (int i = 0; i < a.types().size(); i++) {
      TypeEvaluation x = a.types().get(i);
      TypeEvaluation y = b.types().get(i);
      assertEquals(Math.min(3, TrainingSet.open(data).examples(x.type(), Split.VALIDATION)), x.examples(), x.type());
      assertEquals(x.nllPerExample(), y.nllPerExample(), 0, x.type());
      assertEquals(x.chis(), y.chis(), x.type());
      assertEquals(x.bead(), y.bead(), x.type());
      assertEquals(x.environments(), y.environments(), x.type());
    }
    ModelReport.Result other = ModelReport.run(models, data, tmp.resolve("capped-c"), capped.withSeed(9),
        ReportProgress.NONE);
    assertTrue(!other.types().get(0).bead().equals(a.types().get(0).bead()), "the seed changes the samples");
    assertEquals(a.types().get(0).nllPerExample(), other.types().get(0).nllPerExample(), 0);
  }

  @Test
  void badInputsNameTheFile() throws Exception {
    Path out = tmp.resolve("bad-report");
    Path missing = tmp.resolve("no-models");
    var e1 = assertThrows(java.nio.file.NoSuchFileException.class,
        () -> ModelReport.run(missing, data, out, small(), ReportProgress.NONE));
    assertTrue(e1.getMessage().contains(missing.toString()), e1.getMessage());
    Path empty = Files.createDirectories(tmp.resolve("empty-models"));
    var e2 = assertThrows(java.io.IOException.class, () -> ModelReport.run(empty, data, out, small(), ReportProgress.NONE));
    assertEquals("no models in " + empty + ": no folder of it holds a model.json", e2.getMessage());

    Path wrong = tmp.resolve("wrong-models");
    Files.createDirectories(wrong.resolve("SER"));
    ResidueModel.load(models, "THR").save(ResidueModel.manifest(wrong, "SER"), JSON.createObjectNode());
    var e3 = assertThrows(CheckpointException.class, () -> ModelReport.run(wrong, data, out, small(), ReportProgress.NONE));
    assertTrue(e3.getMessage().startsWith(ResidueModel.manifest(wrong, "SER") + " holds a model of THR, not of SER"),
        e3.getMessage());

    Path garbage = tmp.resolve("garbage-models");
    Files.createDirectories(garbage.resolve("THR"));
    Files.writeString(ResidueModel.manifest(garbage, "THR"), "{ not json");
    var e4 = assertThrows(CheckpointException.class, () -> ModelReport.run(garbage, data, out, small(), ReportProgress.NONE));
    assertTrue(e4.getMessage().contains(ResidueModel.manifest(garbage, "THR").toString()), e4.getMessage());
    assertTrue(!Files.exists(out.resolve(ModelReport.JSON_FILE)));
  }

  private static double validationNll(ResidueModel model, String type) {
    double sum = 0;
    long n = 0;
    try (var _ = org.backmap.autodiff.GradMode.noGrad();
        DatasetReader reader = TrainingSet.open(data).reader(type, Split.VALIDATION, 64)) {
      while (reader.hasNext()) {
        ExampleBatch b = reader.next();
        sum -= model.logProb(b).sum().item();
        n += b.size();
      }
    }
    return sum / n;
  }
}
