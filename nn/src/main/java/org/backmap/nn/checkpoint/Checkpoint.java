package org.backmap.nn.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.NamedTensors;

/**
 * The verified content of a checkpoint.
 *
 * @param manifest the manifest file it was read from
 * @param config the caller's configuration object stored with the tensors
 * @param tensors the tensors, in payload order (unmodifiable)
 */
public record Checkpoint(Path manifest, JsonNode config, Map<String, Tensor> tensors) {

  /** Wraps the tensors in an unmodifiable view. */
  public Checkpoint {
    tensors = Collections.unmodifiableMap(tensors);
  }

  /**
   * Copies the tensors into the live arrays of {@code targets}, all or nothing.
   *
   * @throws CheckpointException when names, shapes or dtypes differ, naming the file and the first difference
   */
  public void restoreInto(Map<String, Tensor> targets) throws CheckpointException {
    try {
      NamedTensors.copyInto(tensors, targets);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("checkpoint " + manifest + " does not fit: " + e.getMessage(), e);
    }
  }
}
