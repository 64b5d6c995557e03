package org.backmap.nn.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Module;
import org.backmap.nn.optim.Optimizer;

/**
 * Stores a module, optionally with its optimiser's state, as one checkpoint.
 *
 * <p>Parameters keep their {@link Module#namedParameters()} names; optimiser state entries are prefixed with
 * {@value #OPTIMIZER_PREFIX} (module names never contain a slash, so the two cannot collide). Loading into a
 * module alone ignores optimiser state; loading with an optimiser requires it.
 */
public final class ModelCheckpoints {

  /** Name prefix of optimiser state tensors. */
  public static final String OPTIMIZER_PREFIX = "optimizer/";

  private ModelCheckpoints() {}

  /** Saves the module's parameters with {@code config} (see {@link CheckpointWriter}). */
  public static void save(Path manifest, JsonNode config, Module model) throws IOException {
    CheckpointWriter.write(manifest, config, model.namedParameters());
  }

  /** Saves the module's parameters and the optimiser's state with {@code config}, so training can resume. */
  public static void save(Path manifest, JsonNode config, Module model, Optimizer optimizer) throws IOException {
    CheckpointWriter.write(manifest, config, withOptimizer(model, optimizer));
  }

  /**
   * Loads the parameters into {@code model} (all or nothing) and returns the stored config.
   *
   * @throws CheckpointException when the file is unreadable, corrupted, or does not fit the model
   */
  public static JsonNode load(Path manifest, Module model) throws CheckpointException {
    Checkpoint c = CheckpointReader.read(manifest);
    restore(c, model);
    return c.config();
  }

  /**
   * Copies the parameters of an already read checkpoint into {@code model} (all or nothing), ignoring optimiser
   * state; for callers that need the config before they can build the model.
   *
   * @throws CheckpointException when the checkpoint does not fit the model
   */
  public static void restore(Checkpoint c, Module model) throws CheckpointException {
    Map<String, Tensor> modelTensors = new LinkedHashMap<>(c.tensors());
    modelTensors.keySet().removeIf(name -> name.startsWith(OPTIMIZER_PREFIX));
    new Checkpoint(c.manifest(), c.config(), modelTensors).restoreInto(model.namedParameters());
  }

  /**
   * Loads parameters and optimiser state (all or nothing) and returns the stored config.
   *
   * @throws CheckpointException when the file is unreadable, corrupted, or does not fit the model or optimiser
   */
  public static JsonNode load(Path manifest, Module model, Optimizer optimizer) throws CheckpointException {
    Checkpoint c = CheckpointReader.read(manifest);
    c.restoreInto(withOptimizer(model, optimizer));
    return c.config();
  }

  private static Map<String, Tensor> withOptimizer(Module model, Optimizer optimizer) {
    Map<String, Tensor> all = new LinkedHashMap<>(model.namedParameters());
    optimizer.state().forEach((name, t) -> all.put(OPTIMIZER_PREFIX + name, t));
    return all;
  }
}
