/**
 * Neural-network building blocks on top of {@code org.backmap.autodiff}: a parameter registry ({@link
 * org.backmap.nn.Module}), layers ({@link org.backmap.nn.Linear}, {@link org.backmap.nn.Mlp}), initialisers,
 * losses and the seeded random number generator ({@link org.backmap.nn.Rng}) that every random choice in
 * backmap draws from.
 */
package org.backmap.nn;
