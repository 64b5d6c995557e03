package org.backmap.plot;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A free-energy surface {@code F = -ln p} (in kT, shifted so that its minimum is 0) over two observables, from
 * weighted samples binned on a fixed grid; empty bins stay white. Build with {@link #of}, then {@link #chart()}.
 */
public final class FreeEnergyMap {
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final double x0, x1, y0, y1;
  private final int nx, ny;
  private final double[] weight;
  private double maxKt = 8;

  private FreeEnergyMap(String title, String xLabel, String yLabel, double x0, double x1, int nx, double y0, double y1, int ny) {
    if (!(x1 > x0) || !(y1 > y0) || nx < 1 || ny < 1) {
      throw new IllegalArgumentException("invalid grid: x [" + x0 + ", " + x1 + "] in " + nx + ", y [" + y0 + ", " + y1 + "] in " + ny);
    }
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.x0 = x0;
    this.x1 = x1;
    this.y0 = y0;
    this.y1 = y1;
    this.nx = nx;
    this.ny = ny;
    this.weight = new double[nx * ny];
  }

  /** An empty map on {@code [x0, x1] x [y0, y1]} in {@code nx x ny} bins. */
  public static FreeEnergyMap of(String title, String xLabel, String yLabel, double x0, double x1, int nx, double y0, double y1, int ny) {
    return new FreeEnergyMap(title, xLabel, yLabel, x0, x1, nx, y0, y1, ny);
  }

  /** Adds samples with weights (all 1 when {@code w} is null); points outside the grid are left out. */
  public FreeEnergyMap add(double[] x, double[] y, double[] w) {
    if (x.length != y.length || (w != null && w.length != x.length)) {
      throw new IllegalArgumentException("x, y and weights of different lengths");
    }
    for (int i = 0; i < x.length; i++) {
      int bx = (int) Math.floor((x[i] - x0) / (x1 - x0) * nx);
      int by = (int) Math.floor((y[i] - y0) / (y1 - y0) * ny);
      if (bx >= 0 && bx < nx && by >= 0 && by < ny) {
        weight[by * nx + bx] += w == null ? 1 : w[i];
      }
    }
    return this;
  }

  /** The colour scale's upper end in kT (default 8). */
  public FreeEnergyMap maxKt(double kt) {
    this.maxKt = kt;
    return this;
  }

  /** Free energy of bin {@code (bx, by)} in kT above the lowest bin; NaN for an empty bin. */
  public double freeEnergy(int bx, int by) {
    double max = 0;
    for (double v : weight) {
      max = Math.max(max, v);
    }
    double v = weight[by * nx + bx];
    return v > 0 && max > 0 ? -Math.log(v / max) : Double.NaN;
  }

  /** The chart: bins coloured from dark (0 kT) to light ({@link #maxKt} and above). */
  public JFreeChart chart() {
    int filled = 0;
    for (double v : weight) {
      filled += v > 0 ? 1 : 0;
    }
    double[][] xyz = new double[3][filled];
    int k = 0;
    for (int by = 0; by < ny; by++) {
      for (int bx = 0; bx < nx; bx++) {
        double f = freeEnergy(bx, by);
        if (!Double.isNaN(f)) {
          xyz[0][k] = x0 + (bx + 0.5) * (x1 - x0) / nx;
          xyz[1][k] = y0 + (by + 0.5) * (y1 - y0) / ny;
          xyz[2][k] = Math.min(f, maxKt);
          k++;
        }
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("F", xyz);
    LookupPaintScale scale = new LookupPaintScale(0, maxKt + 1e-9, Color.WHITE);
    int steps = 16;
    for (int s = 0; s < steps; s++) {
      float t = (float) s / (steps - 1);
      scale.add(s * maxKt / steps, new Color(Color.HSBtoRGB(0.66f - 0.66f * t, 0.85f, 0.35f + 0.6f * t)));
    }
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setBlockWidth((x1 - x0) / nx);
    renderer.setBlockHeight((y1 - y0) / ny);
    renderer.setPaintScale(scale);
    NumberAxis xa = new NumberAxis(xLabel);
    xa.setRange(x0, x1);
    NumberAxis ya = new NumberAxis(yLabel);
    ya.setRange(y0, y1);
    XYPlot plot = new XYPlot(data, xa, ya, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setTitle(new TextTitle(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14)));
    NumberAxis legendAxis = new NumberAxis("F (kT)");
    legendAxis.setRange(0, maxKt);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 4, 4);
    chart.addSubtitle(legend);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
