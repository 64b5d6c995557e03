/** Local minimization: L-BFGS with a strong-Wolfe line search, and its use on force-field energies. */
package org.backmap.md.minimize;
