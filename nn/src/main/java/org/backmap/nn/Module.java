package org.backmap.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.backmap.autodiff.Tensor;

/**
 * A parameter registry: named trainable tensors and named child modules.
 *
 * <p>Subclasses register parameters with {@link #addParameter} and children with {@link #addModule} in their
 * constructors. {@link #namedParameters()} lists this module's own parameters in registration order, then each
 * child's, depth first, with dotted names ({@code layers.0.weight}); the order is deterministic, so it is also
 * the order of checkpoints and optimiser state. Names are {@code [A-Za-z0-9_]+}, which keeps dotted paths
 * unambiguous.
 */
public abstract class Module {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  private final Map<String, Tensor> parameters = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();

  /** Registers {@code tensor} as a trainable parameter (sets {@code requiresGrad}); returns it. */
  protected final Tensor addParameter(String name, Tensor tensor) {
    checkNewName(name);
    parameters.put(name, tensor.requiresGrad(true));
    return tensor;
  }

  /** Registers {@code module} as a child whose parameters are listed under {@code name.}; returns it. */
  protected final <M extends Module> M addModule(String name, M module) {
    checkNewName(name);
    if (module == this) {
      throw new IllegalArgumentException("a module cannot contain itself");
    }
    children.put(name, module);
    return module;
  }

  private void checkNewName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid name '" + name + "': use letters, digits and _");
    }
    if (parameters.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException("name '" + name + "' is already registered");
    }
  }

  /** All parameters with dotted names, own parameters first, then children depth first (unmodifiable). */
  public final Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect("", out);
    return Collections.unmodifiableMap(out);
  }

  private void collect(String prefix, Map<String, Tensor> out) {
    parameters.forEach((name, t) -> out.put(prefix + name, t));
    children.forEach((name, child) -> child.collect(prefix + name + ".", out));
  }

  /** All parameters in {@link #namedParameters()} order. */
  public final List<Tensor> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Total number of scalar parameters. */
  public final long parameterCount() {
    long n = 0;
    for (Tensor t : namedParameters().values()) {
      n += t.size();
    }
    return n;
  }

  /** Clears the accumulated gradient of every parameter. */
  public final void zeroGrad() {
    for (Tensor t : namedParameters().values()) {
      t.zeroGrad();
    }
  }
}
