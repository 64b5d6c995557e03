/**
 * Optimisers that update parameters in place from their accumulated gradients: the {@link
 * org.backmap.nn.optim.Optimizer} contract, {@link org.backmap.nn.optim.Adam} and {@link
 * org.backmap.nn.optim.GradientClipping}.
 */
package org.backmap.nn.optim;
