/**
 * Structure-quality metrics of generated all-atom structures against their reference, as Jones et al. define them
 * for DiAMoNDBack ({@link org.backmap.backmapping.metrics.StructureMetrics}): bond score, clash score and bootstrapped
 * diversity score, over all atoms and over heavy atoms.
 */
package org.backmap.backmapping.metrics;
