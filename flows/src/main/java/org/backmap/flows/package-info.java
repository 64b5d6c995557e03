/**
 * Conditional normalising flows over bond-angle-torsion coordinates: {@link org.backmap.flows.ConditionalFlow}
 * combines a context-dependent base distribution with masked autoregressive rational-quadratic spline blocks.
 */
package org.backmap.flows;
