package org.backmap.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Points (x, y) in one or more named series, with an optional diagonal {@code y = x + c} (for checks such as
 * "the log-weights are constant": points on a line of slope 1). Build with {@link #of}, {@link #add}, then
 * {@link #chart()}.
 */
public final class ScatterChart {
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<String> names = new ArrayList<>();
  private final List<double[][]> points = new ArrayList<>();
  private Double diagonalOffset;

  private ScatterChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** An empty chart. */
  public static ScatterChart of(String title, String xLabel, String yLabel) {
    return new ScatterChart(title, xLabel, yLabel);
  }

  /** Adds a series; non-finite points are left out. */
  public ScatterChart add(String name, double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("series " + name + ": " + x.length + " x and " + y.length + " y values");
    }
    names.add(name);
    points.add(new double[][] {x.clone(), y.clone()});
    return this;
  }

  /** Draws the line {@code y = x + offset} across the points. */
  public ScatterChart diagonal(double offset) {
    this.diagonalOffset = offset;
    return this;
  }

  /** Series in use. */
  public int seriesCount() {
    return names.size();
  }

  /** The chart: small translucent dots coloured from {@link HistogramChart#PALETTE}, the diagonal dashed black. */
  public JFreeChart chart() {
    XYSeriesCollection data = new XYSeriesCollection();
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < names.size(); s++) {
      XYSeries series = new XYSeries(names.get(s), false, true);
      double[][] p = points.get(s);
      for (int i = 0; i < p[0].length; i++) {
        if (Double.isFinite(p[0][i]) && Double.isFinite(p[1][i])) {
          series.add(p[0][i], p[1][i], false);
          lo = Math.min(lo, p[0][i]);
          hi = Math.max(hi, p[0][i]);
        }
      }
      data.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int s = 0; s < names.size(); s++) {
      Color c = HistogramChart.PALETTE.get(1 + s % (HistogramChart.PALETTE.size() - 1));
      renderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
    }
    if (diagonalOffset != null && lo < hi) {
      XYSeries line = new XYSeries("y = x + " + String.format(java.util.Locale.ROOT, "%.3g", diagonalOffset));
      line.add(lo, lo + diagonalOffset);
      line.add(hi, hi + diagonalOffset);
      data.addSeries(line);
      int s = names.size();
      renderer.setSeriesLinesVisible(s, true);
      renderer.setSeriesShapesVisible(s, false);
      renderer.setSeriesPaint(s, HistogramChart.PALETTE.get(0));
      renderer.setSeriesStroke(s, new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
          new float[] {6f, 4f}, 0f));
    }
    NumberAxis xa = new NumberAxis(xLabel);
    xa.setAutoRangeIncludesZero(false);
    NumberAxis ya = new NumberAxis(yLabel);
    ya.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, xa, ya, renderer);
    return HistogramChart.styled(plot, title);
  }
}
