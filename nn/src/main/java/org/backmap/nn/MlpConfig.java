package org.backmap.nn;

import java.util.List;
import org.backmap.autodiff.DType;

/**
 * Architecture of an {@link Mlp}; a plain record so that it can be stored as a checkpoint's {@code config}
 * (e.g. with Jackson's {@code ObjectMapper.valueToTree}) and read back to rebuild the network.
 *
 * @param inputs input size
 * @param hidden sizes of the hidden layers, in order (may be empty)
 * @param outputs output size
 * @param activation activation after every hidden layer
 * @param outputActivation activation after the last layer ({@link Activation#IDENTITY} for regression)
 * @param dtype element type of all parameters
 */
public record MlpConfig(int inputs, List<Integer> hidden, int outputs, Activation activation,
    Activation outputActivation, DType dtype) {

  /** Validates sizes and copies the hidden sizes. */
  public MlpConfig {
    hidden = List.copyOf(hidden);
    if (inputs <= 0 || outputs <= 0 || hidden.stream().anyMatch(h -> h <= 0)) {
      throw new IllegalArgumentException("MLP sizes must be positive: " + inputs + " -> " + hidden + " -> " + outputs);
    }
  }

  /** A float32 network with an identity output. */
  public static MlpConfig of(int inputs, List<Integer> hidden, int outputs, Activation activation) {
    return new MlpConfig(inputs, hidden, outputs, activation, Activation.IDENTITY, DType.F32);
  }

  /** The same architecture with another dtype. */
  public MlpConfig withDtype(DType newDtype) {
    return new MlpConfig(inputs, hidden, outputs, activation, outputActivation, newDtype);
  }

  /** The same architecture with another output activation. */
  public MlpConfig withOutputActivation(Activation newOutputActivation) {
    return new MlpConfig(inputs, hidden, outputs, activation, newOutputActivation, dtype);
  }
}
