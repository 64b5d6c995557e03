package org.backmap.nn.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Activation;
import org.backmap.nn.Losses;
import org.backmap.nn.Mlp;
import org.backmap.nn.MlpConfig;
import org.backmap.nn.Rng;
import org.backmap.nn.optim.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointsTest {

  private static final MlpConfig CONFIG = MlpConfig.of(2, List.of(8), 1, Activation.TANH);

  @TempDir
  Path dir;

  private static void trainSteps(Mlp model, Adam adam, Rng data, int steps) {
    for (int s = 0; s < steps; s++) {
      Tensor x = Tensor.uniform(data.generator(), DType.F32, -1, 1, 16, 2);
      Tensor y = x.slice(1, 0, 1).mul(x.slice(1, 1, 2));
      adam.zeroGrad();
      Losses.meanSquaredError(model.forward(x), y).backward();
      adam.step();
    }
  }

  @Test
  void resumingFromACheckpointWithOptimizerStateContinuesBitForBit() throws IOException {
    Path manifest = dir.resolve("train.json");
    Mlp model = new Mlp(CONFIG, Rng.seeded(1));
    Adam adam = new Adam(model.namedParameters(), Adam.Config.defaults().withLearningRate(0.01));
    trainSteps(model, adam, Rng.seeded(10), 5);
    ModelCheckpoints.save(manifest, JsonNodeFactory.instance.objectNode(), model, adam);
    trainSteps(model, adam, Rng.seeded(11), 5);

    Mlp resumed = new Mlp(CONFIG, Rng.seeded(2));
    Adam resumedAdam = new Adam(resumed.namedParameters(), Adam.Config.defaults().withLearningRate(0.01));
    ModelCheckpoints.load(manifest, resumed, resumedAdam);
    assertEquals(5, resumedAdam.steps());
    trainSteps(resumed, resumedAdam, Rng.seeded(11), 5);

    model.namedParameters().forEach((name, p) ->
        assertArrayEquals(p.floatData(), resumed.namedParameters().get(name).floatData(), name));
  }

  @Test
  void aModelAloneLoadsFromACheckpointWithOptimizerState() throws IOException {
    Path manifest = dir.resolve("train.json");
    Mlp model = new Mlp(CONFIG, Rng.seeded(1));
    Adam adam = new Adam(model.namedParameters());
    trainSteps(model, adam, Rng.seeded(10), 2);
    ModelCheckpoints.save(manifest, null, model, adam);
    assertTrue(CheckpointReader.read(manifest).tensors().containsKey("optimizer/m/layers.0.weight"));

    Mlp loaded = new Mlp(CONFIG, Rng.seeded(2));
    ModelCheckpoints.load(manifest, loaded);
    assertArrayEquals(model.layers().get(0).weight().floatData(), loaded.layers().get(0).weight().floatData());
  }

  @Test
  void loadingOptimizerStateFromAModelOnlyCheckpointFails() throws IOException {
    Path manifest = dir.resolve("model.json");
    ModelCheckpoints.save(manifest, null, new Mlp(CONFIG, Rng.seeded(1)));
    Mlp model = new Mlp(CONFIG, Rng.seeded(2));
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> ModelCheckpoints.load(manifest, model, new Adam(model.namedParameters())));
    assertEquals("checkpoint " + manifest + " does not fit: missing tensor 'optimizer/step'", e.getMessage());
  }
}
