package org.backmap.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngTest {
  @TempDir Path dir;

  @Test
  void writesAGridOfChartsThatDecodesWithTheSeriesColours() throws Exception {
    SplittableRandom r = new SplittableRandom(1);
    double[] a = new double[2000];
    double[] b = new double[2000];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.IEEEremainder(0.3 * r.nextGaussian() + 1, 2 * Math.PI);
      b[i] = Math.IEEEremainder(0.6 * r.nextGaussian() - 1, 2 * Math.PI);
    }
    HistogramChart one = HistogramChart.of("first", "x (rad)", "density", -Math.PI, Math.PI, 60).add("a", a).add("b", b);
    HistogramChart two = HistogramChart.of("second", "x (rad)", "density", -Math.PI, Math.PI, 60).add("a", b);
    Path file = dir.resolve("grid.png");
    Png.write(file, List.of(one.chart(), two.chart(), one.chart()), 2, 300, 200);
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, "not a PNG");
    assertEquals(600, image.getWidth());
    assertEquals(400, image.getHeight());
    // the second series is drawn in the palette's second colour: some pixels must be clearly that hue
    Color blue = HistogramChart.PALETTE.get(1);
    int bluish = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (Math.abs(c.getRed() - blue.getRed()) < 40 && Math.abs(c.getGreen() - blue.getGreen()) < 40
            && Math.abs(c.getBlue() - blue.getBlue()) < 40) {
          bluish++;
        }
      }
    }
    assertTrue(bluish > 50, "only " + bluish + " pixels of the second series' colour");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("grid.png"), files.map(p -> p.getFileName().toString()).toList(), "a temporary file is left");
    }
  }

  @Test
  void refusesAnotherBinningAndEmptyGrids() {
    HistogramChart chart = HistogramChart.of("t", "x", "y", 0, 1, 10);
    assertThrows(IllegalArgumentException.class, () -> chart.add("other", new Histogram(0, 1, 5)));
    assertThrows(IllegalArgumentException.class, () -> Png.write(dir.resolve("none.png"), List.of(), 1, 10, 10));
  }
}
