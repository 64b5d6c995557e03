package org.backmap.backmapping.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.base.io.AtomicOutput;
import org.backmap.base.io.Sha256;
import org.backmap.nn.checkpoint.CheckpointException;

/**
 * {@code MODELS_DIR/manifest.json}: what a models folder holds, for whoever ships or loads the models. Per type:
 *
 * <pre>
 * files        SHA-256 of model.json and of its payload (model.HASH.bin)
 * preset, config, examples, epochs, bestEpoch, bestValidationNll, seed, dataManifestSha256, laplaceScaleAngstrom
 *              every fact of the model file's checkpoint config, as training and the report wrote them
 * evaluation   the latest report's figures: dataset manifest hash, examples, NLL per example and per degree of
 *              freedom, Jensen-Shannon divergence per chi, Laplace scales per axis and pooled (absent for a type
 *              the report did not evaluate)
 * </pre>
 *
 * Written atomically; every run of the report rewrites it whole.
 */
public final class ModelsManifest {
  /** The manifest's name inside the models folder. */
  public static final String FILE = "manifest.json";
  /** Value of its {@code format} field. */
  public static final String FORMAT = "backmap-models";
  /** Its layout version. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelsManifest() {}

  /**
   * Writes the manifest of the models of {@code types} in {@code modelsDir} with the figures of
   * {@code evaluations}; returns its path.
   *
   * @throws IOException naming the file when a model file or its payload cannot be read
   */
  public static Path write(Path modelsDir, Collection<String> types, List<TypeEvaluation> evaluations,
      String evaluationDataSha256) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ObjectNode byType = root.putObject("types");
    for (String type : types) {
      Path model = ResidueModel.manifest(modelsDir, type);
      JsonNode stored;
      try {
        stored = JSON.readTree(model.toFile());
      } catch (IOException e) {
        throw new CheckpointException(model + " is not readable: " + e.getMessage());
      }
      String payload = stored.path("payload").path("file").asText("");
      if (payload.isEmpty() || payload.contains("/") || payload.contains("\\")) {
        throw new CheckpointException(model + " names no payload file");
      }
      ObjectNode entry = byType.putObject(type);
      ObjectNode files = entry.putObject("files");
      files.put(ResidueModel.MANIFEST, sha256(model));
      files.put(payload, sha256(model.resolveSibling(payload)));
      if (stored.path("config").isObject()) {
        entry.setAll((ObjectNode) stored.path("config"));
      }
      evaluations.stream().filter(e -> e.type().equals(type)).findFirst()
          .ifPresent(e -> entry.set("evaluation", evaluation(e, evaluationDataSha256)));
    }
    Path file = modelsDir.resolve(FILE);
    AtomicOutput.write(file, JSON.writeValueAsBytes(root));
    return file;
  }

  private static ObjectNode evaluation(TypeEvaluation e, String dataSha256) {
    ObjectNode n = JSON.createObjectNode();
    n.put("dataManifestSha256", dataSha256);
    n.put("examples", e.examples());
    n.put("nllPerExample", e.nllPerExample());
    n.put("nllPerDof", e.nllPerDof());
    if (!Double.isNaN(e.environmentGain())) {
      n.put("environmentGain", e.environmentGain());
    }
    ObjectNode js = n.putObject("jsDivergence");
    e.chis().forEach(c -> js.put(c.name(), c.jsDivergence()));
    if (e.bead() != null) {
      ObjectNode laplace = n.putObject("laplaceScaleAngstrom");
      laplace.put("x", e.bead().scaleX());
      laplace.put("y", e.bead().scaleY());
      laplace.put("z", e.bead().scaleZ());
      laplace.put("pooled", e.bead().scale());
    }
    return n;
  }

  /**
   * SHA-256 of a file's bytes, lower-case hex ({@link Sha256#of}).
   *
   * @throws IOException naming the file when it cannot be read
   */
  public static String sha256(Path file) throws IOException {
    return Sha256.of(file);
  }
}
