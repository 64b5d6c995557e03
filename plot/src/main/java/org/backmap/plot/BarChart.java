package org.backmap.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One value per category and series as grouped bars (e.g. a score per protein, for all atoms and heavy atoms), with
 * optional horizontal reference lines. Build with {@link #of}, {@link #add} and {@link #line}, then {@link #chart()}.
 */
public final class BarChart {
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<String> categories;
  private final List<String> names = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();
  private final List<String> lineNames = new ArrayList<>();
  private final List<Double> lineValues = new ArrayList<>();

  private BarChart(String title, String xLabel, String yLabel, List<String> categories) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("a bar chart needs at least one category");
    }
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.categories = List.copyOf(categories);
  }

  /** An empty chart over {@code categories}, in that order. */
  public static BarChart of(String title, String xLabel, String yLabel, List<String> categories) {
    return new BarChart(title, xLabel, yLabel, categories);
  }

  /**
   * Adds a series, one value per category.
   *
   * @throws IllegalArgumentException when the count differs from the categories'
   */
  public BarChart add(String name, double[] v) {
    if (v.length != categories.size()) {
      throw new IllegalArgumentException("series " + name + " has " + v.length + " values for " + categories.size() + " categories");
    }
    names.add(name);
    values.add(v.clone());
    return this;
  }

  /** Adds a dashed horizontal line at {@code value}, labelled {@code name}. */
  public BarChart line(String name, double value) {
    lineNames.add(name);
    lineValues.add(value);
    return this;
  }

  /** The chart: bars coloured from {@link HistogramChart#PALETTE} (after its black), category labels at 45 degrees. */
  public JFreeChart chart() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int s = 0; s < names.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        data.addValue(values.get(s)[c], names.get(s), categories.get(c));
      }
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int s = 0; s < names.size(); s++) {
      renderer.setSeriesPaint(s, HistogramChart.PALETTE.get(1 + s % (HistogramChart.PALETTE.size() - 1)));
    }
    CategoryAxis x = new CategoryAxis(xLabel);
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    for (int i = 0; i < lineNames.size(); i++) {
      ValueMarker m = new ValueMarker(lineValues.get(i));
      m.setPaint(HistogramChart.PALETTE.get(0));
      m.setStroke(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      m.setLabel(lineNames.get(i));
      m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
      plot.addRangeMarker(m);
    }
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setTitle(new TextTitle(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14)));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
