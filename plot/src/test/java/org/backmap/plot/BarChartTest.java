package org.backmap.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouped bars: the data set holds every value under its series and category, lines become markers, PNG renders. */
class BarChartTest {
  @TempDir Path dir;

  @Test
  void holdsTheValuesAndRenders() throws Exception {
    BarChart bars = BarChart.of("scores", "protein", "%", List.of("A", "B", "C"))
        .add("all", new double[] {1, 2, 3}).add("heavy", new double[] {0.5, 0.25, 0}).line("target", 2.5);
    CategoryPlot plot = (CategoryPlot) bars.chart().getPlot();
    CategoryDataset data = plot.getDataset();
    assertEquals(2, data.getRowCount());
    assertEquals(3, data.getColumnCount());
    assertEquals(3.0, data.getValue("all", "C").doubleValue());
    assertEquals(0.25, data.getValue("heavy", "B").doubleValue());
    assertEquals(1, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
    Path file = dir.resolve("bars.png");
    Png.write(file, bars.chart(), 400, 300);
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image);
    assertEquals(400, image.getWidth());
    assertEquals(300, image.getHeight());
  }

  @Test
  void badShapesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> BarChart.of("t", "x", "y", List.of()));
    assertThrows(IllegalArgumentException.class, () -> BarChart.of("t", "x", "y", List.of("A", "B")).add("s", new double[] {1}));
  }
}
