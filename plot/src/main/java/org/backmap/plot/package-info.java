/**
 * Histograms on a fixed range and their charts as PNG files: {@link org.backmap.plot.Histogram} counts values in
 * equal bins, {@link org.backmap.plot.HistogramChart} overlays the densities of several histograms as step lines
 * (JFreeChart), and {@link org.backmap.plot.Png} renders one chart or a grid of panels headless and writes the
 * file atomically.
 */
package org.backmap.plot;
