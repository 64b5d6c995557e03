package org.backmap.backmapping.decode;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
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

  /** Where the shipped models lie on the class path (a folder of the backmapping jar). */
  public static final String SHIPPED_RESOURCE = "/org/backmap/backmapping/models/manifest.json";

  private static Path shippedDir;

  /**
   * The models shipped with backmap, read from the class path: from the jar itself (through a zip file system
   * kept open for the life of the JVM), or from the build's resource folder.
   *
   * @throws CheckpointException when this build has no shipped models
   */
  public static synchronized ModelSet shipped() throws CheckpointException {
    if (shippedDir == null) {
      URL url = ModelSet.class.getResource(SHIPPED_RESOURCE);
      if (url == null) {
        throw new CheckpointException("this build of backmap ships no models (no " + SHIPPED_RESOURCE + " on the class path); give a models folder");
      }
      try {
        URI uri = url.toURI();
        Path manifest;
        if ("jar".equals(uri.getScheme())) {
          FileSystem fs;
          try {
            fs = FileSystems.newFileSystem(uri, Map.of());
          } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri);
          }
          manifest = fs.provider().getPath(uri);
        } else {
          manifest = Path.of(uri);
        }
        shippedDir = manifest.getParent();
      } catch (URISyntaxException | IOException e) {
        throw new CheckpointException("cannot open the shipped models at " + url + ": " + e.getMessage());
      }
    }
    return new ModelSet(shippedDir);
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

  /**
   * The Laplace scale (Angstrom) of the bead deviation of each type that has one, from the folder's
   * {@code manifest.json} ({@code types.TYPE.laplaceScaleAngstrom}, written by {@code backmap model-report}): the
   * encoding probability of reweighting.
   *
   * @throws CheckpointException when the folder has no readable manifest
   */
  public Map<String, Double> laplaceScales() throws CheckpointException {
    Path manifest = dir.resolve("manifest.json");
    try {
      com.fasterxml.jackson.databind.JsonNode types = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(java.nio.file.Files.readAllBytes(manifest)).path("types");
      Map<String, Double> scales = new java.util.TreeMap<>();
      for (var it = types.properties().iterator(); it.hasNext(); ) {
        var e = it.next();
        com.fasterxml.jackson.databind.JsonNode v = e.getValue().get("laplaceScaleAngstrom");
        if (v != null && v.isNumber() && v.asDouble() > 0) {
          scales.put(e.getKey(), v.asDouble());
        }
      }
      return scales;
    } catch (IOException e) {
      throw new CheckpointException("cannot read the models manifest " + manifest + ": " + e.getMessage());
    }
  }

  private static String sha256(Path file) throws CheckpointException {
    try {
      return Sha256.of(file);
    } catch (IOException e) {
      throw new CheckpointException(e.getMessage());
    }
  }

}
