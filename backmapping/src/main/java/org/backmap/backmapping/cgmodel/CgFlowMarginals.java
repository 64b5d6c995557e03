package org.backmap.backmapping.cgmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backmap.backmapping.report.Divergence;
import org.backmap.md.cg.CgStructure;
import org.backmap.nn.Rng;
import org.backmap.plot.Histogram;
import org.backmap.plot.HistogramChart;
import org.backmap.plot.Png;
import org.jfree.chart.JFreeChart;

/**
 * A CG flow's one-dimensional marginals against its training frames: per modelled internal coordinate, the
 * histograms (60 bins; torsions on [-180, 180] degrees, bonds and angles on the data's range widened by a fifth)
 * of the frames and of samples drawn from the flow, and their Jensen-Shannon divergence.
 */
public final class CgFlowMarginals {
  /** Bins of every histogram. */
  public static final int BINS = 60;

  private CgFlowMarginals() {}

  /**
   * The marginal of one internal coordinate.
   *
   * @param name e.g. {@code "torsion N1-CA1-C1-N2"}
   * @param torsion whether it is a torsion (values in degrees)
   * @param data histogram of the frames
   * @param flow histogram of the flow's samples
   * @param jensenShannon their divergence (nats)
   */
  public record Marginal(String name, boolean torsion, Histogram data, Histogram flow, double jensenShannon) {}

  /** Every modelled coordinate's marginal, from the frames and {@code samples} draws of {@code flow}. */
  public static List<Marginal> of(CgFlow flow, List<CgStructure> frames, int samples, Rng rng) {
    CgInternalCoordinates ic = flow.coordinates();
    boolean[] torsion = ic.torsions();
    int[] free = flow.freeCoordinates();
    double[][] data = internal(ic, frames.stream().map(CgStructure::particles).toList(), free, torsion);
    List<double[]> drawn = new ArrayList<>();
    for (int done = 0; done < samples; done += 1000) {
      for (CgFlow.Sample s : flow.sample(Math.min(1000, samples - done), rng.split())) {
        drawn.add(s.xyz());
      }
    }
    double[][] model = internal(ic, drawn, free, torsion);
    List<Marginal> out = new ArrayList<>();
    for (int j = 0; j < free.length; j++) {
      boolean t = torsion[free[j]];
      double lo = -180, hi = 180;
      if (!t) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : data[j]) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        double pad = 0.2 * Math.max(max - min, 1e-6);
        lo = min - pad;
        hi = max + pad;
      }
      Histogram hd = Histogram.of(data[j], lo, hi, BINS);
      Histogram hm = Histogram.of(model[j], lo, hi, BINS);
      out.add(new Marginal(ic.name(free[j]), t, hd, hm, Divergence.jensenShannon(hd, hm)));
    }
    return out;
  }

  /** A PNG grid of the torsions' marginals (data black, flow blue), {@code columns} panels wide. */
  public static void plotTorsions(List<Marginal> marginals, Path png, int columns) throws IOException {
    List<JFreeChart> panels = new ArrayList<>();
    for (Marginal m : marginals) {
      if (!m.torsion()) {
        continue;
      }
      HistogramChart chart = HistogramChart.of(String.format(java.util.Locale.ROOT, "%s (JS %.3f)", m.name().substring("torsion ".length()),
          m.jensenShannon()), "degrees", "density", m.data().lower(), m.data().upper(), BINS);
      chart.add("trajectory", m.data());
      chart.add("CG flow", m.flow());
      panels.add(chart.chart());
    }
    if (!panels.isEmpty()) {
      Png.write(png, panels, columns, 320, 220);
    }
  }

  private static double[][] internal(CgInternalCoordinates ic, List<double[]> structures, int[] free, boolean[] torsion) {
    double[][] out = new double[free.length][structures.size()];
    double[] q = new double[ic.dims()];
    for (int f = 0; f < structures.size(); f++) {
      ic.toInternal(structures.get(f), q);
      for (int j = 0; j < free.length; j++) {
        out[j][f] = torsion[free[j]] ? Math.toDegrees(q[free[j]]) : q[free[j]];
      }
    }
    return out;
  }
}
