package org.backmap.nn.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.NamedTensors;

/**
 * Adam (Kingma and Ba, 2015) in the form TensorFlow/Keras implements it, with TensorFlow's defaults.
 *
 * <p>For step {@code t = 1, 2, ...} and each parameter {@code p} with gradient {@code g} (after {@link
 * GradientClipping}):
 *
 * <pre>
 *   m     = beta1 * m + (1 - beta1) * g
 *   v     = beta2 * v + (1 - beta2) * g^2
 *   lr_t  = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 *   p     = p - lr_t * m / (sqrt(v) + epsilon)
 * </pre>
 *
 * <p>This is the "epsilon hat" placement of the paper's section 2: the bias corrections are folded into
 * {@code lr_t} and {@code epsilon} is added to {@code sqrt(v)}, not to {@code sqrt(v / (1 - beta2^t))}; it equals
 * the textbook form with {@code epsilon_hat = epsilon * sqrt(1 - beta2^t)}. Moments are kept in float64 whatever
 * the parameter dtype; the update is computed in float64 and rounded once into the parameter's live array.
 *
 * <p>State for checkpoints: {@code step} (a float64 scalar holding {@code t}), {@code m/<name>} and
 * {@code v/<name>} per parameter.
 */
public final class Adam implements Optimizer {

  /**
   * Hyperparameters.
   *
   * @param learningRate {@code lr}, default {@code 1e-3}
   * @param beta1 first-moment decay, default {@code 0.9}
   * @param beta2 second-moment decay, default {@code 0.999}
   * @param epsilon added to {@code sqrt(v)}, default {@code 1e-7}
   * @param clipping gradient clipping, default none
   */
  public record Config(double learningRate, double beta1, double beta2, double epsilon,
      GradientClipping clipping) {

    /** Validates the ranges. */
    public Config {
      if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon >= 0)) {
        throw new IllegalArgumentException("invalid Adam hyperparameters: " + learningRate + ", " + beta1 + ", "
            + beta2 + ", " + epsilon);
      }
    }

    /** TensorFlow's defaults: lr 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-7, no clipping. */
    public static Config defaults() {
      return new Config(1e-3, 0.9, 0.999, 1e-7, GradientClipping.none());
    }

    /** The same settings with another learning rate. */
    public Config withLearningRate(double lr) {
      return new Config(lr, beta1, beta2, epsilon, clipping);
    }

    /** The same settings with another clipping rule. */
    public Config withClipping(GradientClipping rule) {
      return new Config(learningRate, beta1, beta2, epsilon, rule);
    }
  }

  private final Map<String, Tensor> parameters;
  private final Config config;
  private final Tensor step = Tensor.zeros(DType.F64);
  private final Map<String, double[]> firstMoments = new LinkedHashMap<>();
  private final Map<String, double[]> secondMoments = new LinkedHashMap<>();
  private double learningRate;

  /** Adam with TensorFlow's defaults over {@code parameters} (e.g. {@code module.namedParameters()}). */
  public Adam(Map<String, Tensor> parameters) {
    this(parameters, Config.defaults());
  }

  /** Adam with the given settings over {@code parameters}. */
  public Adam(Map<String, Tensor> parameters, Config config) {
    this.parameters = new LinkedHashMap<>(parameters);
    this.config = config;
    this.learningRate = config.learningRate();
    this.parameters.forEach((name, p) -> {
      firstMoments.put(name, new double[p.size()]);
      secondMoments.put(name, new double[p.size()]);
    });
  }

  /** The settings this optimiser was built with. */
  public Config config() {
    return config;
  }

  /** The current learning rate {@code lr}. */
  public double learningRate() {
    return learningRate;
  }

  /** Changes {@code lr} for later steps, e.g. for a schedule. */
  public void setLearningRate(double lr) {
    if (!(lr > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + lr);
    }
    this.learningRate = lr;
  }

  /** Number of steps taken, {@code t}. */
  public long steps() {
    return (long) step.item();
  }

  @Override
  public void step() {
    List<Tensor> gradients = new ArrayList<>();
    parameters.values().forEach(p -> {
      if (p.grad() != null) {
        gradients.add(p.grad());
      }
    });
    double scale = config.clipping().scale(gradients);
    long t = steps() + 1;
    step.setFlat(0, t);
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double lrT = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
    parameters.forEach((name, p) -> {
      Tensor g = p.grad();
      if (g == null) {
        return;
      }
      double[] m = firstMoments.get(name);
      double[] v = secondMoments.get(name);
      for (int i = 0; i < m.length; i++) {
        double gi = config.clipping().clip(scale * g.getFlat(i));
        m[i] = beta1 * m[i] + (1 - beta1) * gi;
        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
        p.setFlat(i, p.getFlat(i) - lrT * m[i] / (Math.sqrt(v[i]) + config.epsilon()));
      }
    });
  }

  @Override
  public void zeroGrad() {
    parameters.values().forEach(Tensor::zeroGrad);
  }

  @Override
  public Map<String, Tensor> state() {
    Map<String, Tensor> state = new LinkedHashMap<>();
    state.put("step", step);
    parameters.forEach((name, p) -> state.put("m/" + name, Tensor.wrap(firstMoments.get(name), p.shape())));
    parameters.forEach((name, p) -> state.put("v/" + name, Tensor.wrap(secondMoments.get(name), p.shape())));
    return state;
  }

  @Override
  public void loadState(Map<String, Tensor> state) {
    NamedTensors.copyInto(state, state());
  }
}
