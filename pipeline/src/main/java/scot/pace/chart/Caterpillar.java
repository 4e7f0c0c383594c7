package scot.pace.chart;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Councils sorted by a proportion, each with its 95% interval, and Scotland's value as a line: a
 * caterpillar chart. A council whose share may not be published is listed at the foot with
 * {@code [c]} and no point.
 */
public final class Caterpillar {
  /** One council's share; {@code publishable} false draws no point. */
  public record Share(String council, double proportion, double lower, double upper, boolean publishable) {}

  private Caterpillar() {}

  public static JFreeChart draw(String title, String subtitle, String footnote, String measureLabel,
      List<Share> shares, double scotland) {
    List<Share> shown = new ArrayList<>(shares.stream().filter(Share::publishable)
        .sorted(Comparator.comparingDouble(Share::proportion)).toList());
    List<Share> hidden = shares.stream().filter(s -> !s.publishable())
        .sorted(Comparator.comparing(Share::council).reversed()).toList();
    List<String> names = new ArrayList<>();
    for (Share share : hidden) {
      names.add(share.council() + " [c]");
    }
    XYIntervalSeries series = new XYIntervalSeries("council, with 95% interval");
    for (Share share : shown) {
      int y = names.size();
      names.add(share.council());
      series.add(share.proportion(), share.lower(), share.upper(), y, y, y);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(series);
    NumberAxis x = new NumberAxis(measureLabel + " (%)");
    x.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
    x.setAutoRangeIncludesZero(true);
    SymbolAxis y = new SymbolAxis(null, names.toArray(String[]::new));
    y.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
    y.setGridBandsVisible(false);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawYError(false);
    renderer.setDrawXError(true);
    renderer.setErrorStroke(ChartStyle.THIN);
    renderer.setErrorPaint(ChartStyle.BLUE);
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    renderer.setDefaultLinesVisible(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    ValueMarker line = ChartStyle.marker(scotland, ChartStyle.VERMILLION, ChartStyle.DASHED,
        String.format(Locale.UK, "Scotland %.1f%%", 100 * scotland), RectangleAnchor.BOTTOM_RIGHT, TextAnchor.BOTTOM_LEFT);
    plot.addDomainMarker(line);
    JFreeChart chart = new JFreeChart(title, plot);
    return ChartStyle.finish(chart, subtitle, footnote);
  }
}
