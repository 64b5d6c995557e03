/** Masked autoencoders for distribution estimation (MADE, Germain et al. 2015), conditioned on a context. */
package org.backmap.flows.made;
