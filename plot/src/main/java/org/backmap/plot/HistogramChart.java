package org.backmap.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Densities of several histograms of one binning, overlaid as step lines with a legend: data against a model,
 * or the same quantity in several conditions. Build with {@link #of} and {@link #add}, then {@link #chart()} or
 * {@link Png#write}.
 */
public final class HistogramChart {
  /** Line colours in series order: black first (the reference, usually data), then well-separated hues. */
  public static final List<Color> PALETTE = List.of(new Color(0x202020), new Color(0x1f77b4), new Color(0xd62728),
      new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2));

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final double lower;
  private final double upper;
  private final int bins;
  private final List<String> names = new ArrayList<>();
  private final List<Histogram> histograms = new ArrayList<>();

  private HistogramChart(String title, String xLabel, String yLabel, double lower, double upper, int bins) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.lower = lower;
    this.upper = upper;
    this.bins = bins;
    new Histogram(lower, upper, bins); // validates the binning now rather than at the first add
  }

  /** An empty chart of histograms with {@code bins} bins on {@code [lower, upper]}. */
  public static HistogramChart of(String title, String xLabel, String yLabel, double lower, double upper, int bins) {
    return new HistogramChart(title, xLabel, yLabel, lower, upper, bins);
  }

  /** Adds a series: the histogram of {@code values} in this chart's binning. */
  public HistogramChart add(String name, double[] values) {
    return add(name, Histogram.of(values, lower, upper, bins));
  }

  /**
   * Adds a series.
   *
   * @throws IllegalArgumentException when {@code h} has another binning
   */
  public HistogramChart add(String name, Histogram h) {
    if (h.lower() != lower || h.upper() != upper || h.bins() != bins) {
      throw new IllegalArgumentException("series " + name + " has another binning than the chart " + title);
    }
    names.add(name);
    histograms.add(h);
    return this;
  }

  /** Number of series. */
  public int seriesCount() {
    return names.size();
  }

  /** The chart: one step line per series (density), colours from {@link #PALETTE} in order, legend below. */
  public JFreeChart chart() {
    XYSeriesCollection data = new XYSeriesCollection();
    for (int s = 0; s < names.size(); s++) {
      Histogram h = histograms.get(s);
      double[] density = h.density();
      XYSeries series = new XYSeries(names.get(s), false, true);
      for (int i = 0; i < density.length; i++) {
        series.add(lower + i * h.binWidth(), density[i]);
      }
      series.add(upper, density[density.length - 1]); // closes the last step at the range's end
      data.addSeries(series);
    }
    XYStepRenderer renderer = new XYStepRenderer();
    for (int s = 0; s < names.size(); s++) {
      renderer.setSeriesPaint(s, PALETTE.get(s % PALETTE.size()));
      renderer.setSeriesStroke(s, new BasicStroke(s == 0 ? 2.0f : 1.5f));
    }
    NumberAxis x = new NumberAxis(xLabel);
    x.setRange(lower, upper);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return styled(plot, title);
  }

  /** A chart of {@code plot} in the house style: white background, light grey grid, bold 14-point title, legend. */
  static JFreeChart styled(XYPlot plot, String title) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setTitle(new TextTitle(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14)));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
