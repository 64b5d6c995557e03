/**
 * Training examples for the per-residue decoders: the target BAT vector, the bead position and the local
 * environment (nearest CG particles and already-decoded atoms, with class labels), and a chunked streaming
 * binary format with a batch reader.
 */
package org.backmap.md.dataset;
