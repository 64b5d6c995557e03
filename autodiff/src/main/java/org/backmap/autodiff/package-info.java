/**
 * Tensors with reverse-mode automatic differentiation.
 *
 * <p>{@link org.backmap.autodiff.Tensor} is a contiguous row-major array (float32 or float64) that records
 * the operations applied to it on a tape; {@link org.backmap.autodiff.Tensor#backward()} walks the tape in
 * reverse. Each primitive op sits in {@link org.backmap.autodiff.Ops} beside its backward rule; composite
 * ops are written from primitives. Numeric kernels live behind {@link org.backmap.autodiff.backend.Backend}.
 */
package org.backmap.autodiff;
