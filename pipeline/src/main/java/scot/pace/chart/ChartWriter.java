package scot.pace.chart;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as {@code <name>.png} for the page and {@code <name>.svg} beside it for print,
 * each to a temporary file first and then renamed, so a reader never finds half a picture.
 */
public final class ChartWriter {
  private ChartWriter() {}

  /** The two files written. */
  public static List<Path> write(JFreeChart chart, Path folder, String name) {
    return write(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT, folder, name);
  }

  /** A chart taller than the usual, for panels stacked one above another. */
  public static List<Path> write(JFreeChart chart, int height, Path folder, String name) {
    return write(chart, ChartStyle.WIDTH, height, folder, name);
  }

  /** Small multiples, at the grid's own size. */
  public static List<Path> write(ChartGrid grid, Path folder, String name) {
    return write(grid, grid.width(), grid.height(), folder, name);
  }

  private static List<Path> write(Drawable drawing, int width, int height, Path folder, String name) {
    try {
      Files.createDirectories(folder);
      Path png = folder.resolve(name + ".png");
      Path svg = folder.resolve(name + ".svg");
      Path pngTemp = folder.resolve("." + name + ".png.tmp");
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
      Graphics2D pixels = image.createGraphics();
      drawing.draw(pixels, new Rectangle(0, 0, width, height));
      pixels.dispose();
      try (OutputStream out = Files.newOutputStream(pngTemp)) {
        ChartUtils.writeBufferedImageAsPNG(out, image);
      }
      SVGGraphics2D graphics = new SVGGraphics2D(width, height);
      // Ids from the chart's name, not the clock: the same data draws the same file, byte for byte.
      graphics.setDefsKeyPrefix(name + "-");
      drawing.draw(graphics, new Rectangle(0, 0, width, height));
      Path svgTemp = folder.resolve("." + name + ".svg.tmp");
      Files.writeString(svgTemp, graphics.getSVGDocument(), StandardCharsets.UTF_8);
      Files.move(pngTemp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(svgTemp, svg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return List.of(png, svg);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the chart " + name + " to " + folder + ": " + e.getMessage(), e);
    }
  }
}
