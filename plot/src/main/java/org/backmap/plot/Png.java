package org.backmap.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.backmap.base.io.AtomicOutput;
import org.jfree.chart.JFreeChart;

/**
 * Renders charts to PNG files without a display ({@code java.awt.headless} is set to true unless the caller chose
 * otherwise) and writes them through {@link AtomicOutput}, so a file appears only complete.
 */
public final class Png {
  static {
    // before the first AWT call: a server or CI machine has no display
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Png() {}

  /** Writes {@code chart} as a {@code width} x {@code height} PNG. */
  public static void write(Path file, JFreeChart chart, int width, int height) {
    write(file, List.of(chart), 1, width, height);
  }

  /** Writes {@code chart}'s {@link HistogramChart#chart()} as a {@code width} x {@code height} PNG. */
  public static void write(Path file, HistogramChart chart, int width, int height) {
    write(file, chart.chart(), width, height);
  }

  /**
   * Writes {@code panels} as one PNG, a grid of {@code columns} panels per row (filled row by row), each
   * {@code panelWidth} x {@code panelHeight} pixels.
   *
   * @throws IllegalArgumentException when there are no panels or a size is not positive
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Path file, List<JFreeChart> panels, int columns, int panelWidth, int panelHeight) {
    if (panels.isEmpty() || columns < 1 || panelWidth < 1 || panelHeight < 1) {
      throw new IllegalArgumentException("a PNG needs at least one panel, one column and a positive panel size");
    }
    int cols = Math.min(columns, panels.size());
    int rows = (panels.size() + cols - 1) / cols;
    BufferedImage image = new BufferedImage(cols * panelWidth, rows * panelHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int i = 0; i < panels.size(); i++) {
        panels.get(i).draw(g, new Rectangle2D.Double((i % cols) * panelWidth, (i / cols) * panelHeight, panelWidth,
            panelHeight));
      }
    } finally {
      g.dispose();
    }
    AtomicOutput.write(file, encode(image, file));
  }

  private static byte[] encode(BufferedImage image, Path file) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", buffer)) {
        throw new IOException("no PNG writer in this JDK");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + file, e);
    }
    return buffer.toByteArray();
  }
}
