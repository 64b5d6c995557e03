package org.backmap.cli;

import java.nio.file.Path;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.nn.checkpoint.CheckpointException;
import picocli.CommandLine.Option;

/** {@code --models DIR}, shared by the commands that decode: a models folder, else the models shipped in the jar. */
final class ModelsOption {
  @Option(names = "--models", paramLabel = "DIR",
      description = "Models folder (DIR/TYPE/model.json, DIR/manifest.json); default: the models shipped with backmap.")
  Path dir;

  /** The models chosen. */
  ModelSet models() throws CheckpointException {
    return dir == null ? ModelSet.shipped() : ModelSet.directory(dir);
  }
}
