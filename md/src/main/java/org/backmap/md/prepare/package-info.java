/**
 * Training-ready structures from many files: {@link org.backmap.md.prepare.PrepareJob} repairs, protonates and
 * minimises each input in vacuum (AMBER14SB, nonbonded cutoff), writes one prepared file per input, keeps a
 * resumable manifest keyed by the input's SHA-256, and reports per file and in total
 * ({@link org.backmap.md.prepare.PrepareReport}).
 */
package org.backmap.md.prepare;
