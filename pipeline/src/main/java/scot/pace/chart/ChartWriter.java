package scot.pace.chart;

import java.awt.Rectangle;
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
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as {@code <name>.png} for the page and {@code <name>.svg} beside it for print,
 * each to a temporary file first and then renamed, so a reader never finds half a picture.
 */
public final class ChartWriter {
  private ChartWriter() {}

  /** The two files written. */
  public static List<Path> write(JFreeChart chart, Path folder, String name) {
    try {
      Files.createDirectories(folder);
      Path png = folder.resolve(name + ".png");
      Path svg = folder.resolve(name + ".svg");
      Path pngTemp = folder.resolve("." + name + ".png.tmp");
      try (OutputStream out = Files.newOutputStream(pngTemp)) {
        ChartUtils.writeChartAsPNG(out, chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
      }
      SVGGraphics2D graphics = new SVGGraphics2D(ChartStyle.WIDTH, ChartStyle.HEIGHT);
      // Ids from the chart's name, not the clock: the same data draws the same file, byte for byte.
      graphics.setDefsKeyPrefix(name + "-");
      chart.draw(graphics, new Rectangle(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT));
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
