package org.backmap.backmapping.decode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.base.io.Sha256;
import org.backmap.nn.checkpoint.CheckpointException;

/**
 * The residue models of one folder ({@code DIR/TYPE/model.json}), each loaded on first use and kept. Thread-safe.
 */
public final class ModelSet {
  private final Path dir;
  private final Map<String, ResidueModel> loaded = new LinkedHashMap<>();
  private final Map<String, String> hashes = new LinkedHashMap<>();

  private ModelSet(Path dir) {
    this.dir = dir;
  }

  /** The models under {@code dir}. */
  public static ModelSet directory(Path dir) {
    return new ModelSet(dir);
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /**
   * The model of {@code type}.
   *
   * @throws CheckpointException naming the type and the folder when there is none, or the file is bad
   */
  public synchronized ResidueModel get(String type) throws CheckpointException {
    ResidueModel m = loaded.get(type);
    if (m == null) {
      m = ResidueModel.load(dir, type);
      if (!m.config().type().equals(type)) {
        throw new CheckpointException(ResidueModel.manifest(dir, type) + " holds a model of " + m.config().type() + ", not " + type);
      }
      loaded.put(type, m);
      hashes.put(type, sha256(ResidueModel.manifest(dir, type)));
    }
    return m;
  }

  /** SHA-256 of the manifest of every model loaded so far, by type. */
  public synchronized Map<String, String> manifestHashes() {
    return Map.copyOf(hashes);
  }

  private static String sha256(Path file) throws CheckpointException {
    try {
      return Sha256.of(file);
    } catch (IOException e) {
      throw new CheckpointException(e.getMessage());
    }
  }

}
