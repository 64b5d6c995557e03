package org.backmap.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Free energies are -ln of the binned weights relative to the fullest bin; the map and the scatter chart render. */
class FreeEnergyMapTest {
  @TempDir Path dir;

  @Test
  void freeEnergyIsMinusLogOfTheBinWeights() throws Exception {
    FreeEnergyMap map = FreeEnergyMap.of("F", "x", "y", 0, 2, 2, 0, 1, 1)
        .add(new double[] {0.5, 0.5, 1.5, 7}, new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {1, 3, 0.5, 100});
    assertEquals(0, map.freeEnergy(0, 0), 1e-12);
    assertEquals(Math.log(8), map.freeEnergy(1, 0), 1e-12);
    FreeEnergyMap empty = FreeEnergyMap.of("F", "x", "y", 0, 1, 3, 0, 1, 3).add(new double[] {0.1}, new double[] {0.1}, null);
    assertTrue(Double.isNaN(empty.freeEnergy(2, 2)));
    Path file = dir.resolve("fes.png");
    Png.write(file, map.chart(), 300, 240);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(300, image.getWidth());
    assertThrows(IllegalArgumentException.class, () -> FreeEnergyMap.of("F", "x", "y", 1, 0, 2, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> map.add(new double[] {1}, new double[] {1, 2}, null));
  }

  @Test
  void scatterChartRendersWithItsDiagonal() throws Exception {
    ScatterChart s = ScatterChart.of("check", "a", "b").add("samples", new double[] {1, 2, Double.NaN}, new double[] {2, 3, 4}).diagonal(1);
    assertEquals(2, s.chart().getXYPlot().getDataset().getSeriesCount(), "the points and the diagonal");
    assertEquals(2, s.chart().getXYPlot().getDataset().getItemCount(0), "the NaN point is left out");
    Path file = dir.resolve("scatter.png");
    Png.write(file, s.chart(), 320, 240);
    assertEquals(240, ImageIO.read(file.toFile()).getHeight());
    assertThrows(IllegalArgumentException.class, () -> ScatterChart.of("t", "x", "y").add("s", new double[] {1}, new double[0]));
  }
}
