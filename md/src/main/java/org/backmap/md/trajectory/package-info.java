/**
 * Trajectory output: multi-model PDB and DCD coordinate files and energy CSV tables, streamed to hidden
 * temporary files that are renamed into place only when complete.
 */
package org.backmap.md.trajectory;
