package org.backmap.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;

/** Operations on maps of named tensors, such as a module's parameters or an optimiser's state. */
public final class NamedTensors {

  private NamedTensors() {}

  /** Deep copies with no history, in the same order. */
  public static Map<String, Tensor> copy(Map<String, Tensor> tensors) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    tensors.forEach((name, t) -> out.put(name, t.copy()));
    return out;
  }

  /**
   * Copies the values of {@code source} into the live arrays of {@code target}, bypassing the tape. Both maps must
   * hold the same names with equal shapes and dtypes; otherwise nothing is copied and the exception names the
   * first difference.
   *
   * @throws IllegalArgumentException naming a missing or unexpected tensor, or a shape or dtype mismatch
   */
  public static void copyInto(Map<String, Tensor> source, Map<String, Tensor> target) {
    for (var e : target.entrySet()) {
      String name = e.getKey();
      Tensor src = source.get(name);
      Tensor dst = e.getValue();
      if (src == null) {
        throw new IllegalArgumentException("missing tensor '" + name + "'");
      }
      if (!Arrays.equals(src.shape(), dst.shape())) {
        throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(src.shape())
            + ", expected " + Arrays.toString(dst.shape()));
      }
      if (src.dtype() != dst.dtype()) {
        throw new IllegalArgumentException("tensor '" + name + "' has dtype " + src.dtype() + ", expected "
            + dst.dtype());
      }
    }
    for (String name : source.keySet()) {
      if (!target.containsKey(name)) {
        throw new IllegalArgumentException("unexpected tensor '" + name + "'");
      }
    }
    target.forEach((name, dst) -> {
      Tensor src = source.get(name);
      if (dst.dtype() == DType.F32) {
        System.arraycopy(src.floatData(), 0, dst.floatData(), 0, dst.size());
      } else {
        System.arraycopy(src.doubleData(), 0, dst.doubleData(), 0, dst.size());
      }
    });
  }
}
