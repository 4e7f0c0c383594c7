package scot.pace.chart;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A funnel plot: each council's proportion against its number of children, Scotland's proportion
 * as the target, the exact 95% and 99.8% limits, the limits widened for overdispersion dashed,
 * and the councils outside the 95% limits named. Councils whose share may not be published are
 * left out (the caller says how many in the footnote).
 */
public final class FunnelPlot {
  /** One council: its size, its share and whether it is outside the 95% limits. */
  public record Point(String council, long denominator, double proportion, boolean flagged) {}

  /** The limits at cohort size {@code n}. */
  public record Limits(int n, double lower95, double upper95, double lower998, double upper998, double odLower95,
      double odUpper95, double odLower998, double odUpper998) {}

  private FunnelPlot() {}

  public static JFreeChart draw(String title, String subtitle, String footnote, String measureLabel,
      List<Point> points, List<Limits> limits, double p0, boolean overdispersed) {
    XYSeries councils = new XYSeries("council");
    for (Point point : points) {
      councils.add(point.denominator(), point.proportion());
    }
    XYSeries lower95 = new XYSeries("95% limits", false);
    XYSeries upper95 = new XYSeries("95% upper", false);
    XYSeries lower998 = new XYSeries("99.8% limits", false);
    XYSeries upper998 = new XYSeries("99.8% upper", false);
    String widened = overdispersed ? " (used: councils overdispersed)" : " (not needed)";
    XYSeries odLower95 = new XYSeries("95% widened for overdispersion" + widened, false);
    XYSeries odUpper95 = new XYSeries("od 95% upper", false);
    XYSeries odLower998 = new XYSeries("99.8% widened for overdispersion", false);
    XYSeries odUpper998 = new XYSeries("od 99.8% upper", false);
    for (Limits at : limits) {
      lower95.add(at.n(), at.lower95());
      upper95.add(at.n(), at.upper95());
      lower998.add(at.n(), at.lower998());
      upper998.add(at.n(), at.upper998());
      odLower95.add(at.n(), at.odLower95());
      odUpper95.add(at.n(), at.odUpper95());
      odLower998.add(at.n(), at.odLower998());
      odUpper998.add(at.n(), at.odUpper998());
    }
    XYSeriesCollection lines = new XYSeriesCollection();
    for (XYSeries series : List.of(lower95, upper95, lower998, upper998, odLower95, odUpper95, odLower998, odUpper998)) {
      lines.addSeries(series);
    }
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    lineRenderer.setDrawSeriesLineAsPath(true); // one path per line, so the dashes show
    for (int i = 0; i < 8; i++) {
      boolean ninetyFive = i % 4 < 2;
      lineRenderer.setSeriesPaint(i, ninetyFive ? ChartStyle.BLUE : ChartStyle.VERMILLION);
      lineRenderer.setSeriesStroke(i, i < 4 ? ChartStyle.LINE : ChartStyle.DASHED);
      lineRenderer.setSeriesVisibleInLegend(i, i % 2 == 0);
    }
    XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    pointRenderer.setSeriesPaint(0, ChartStyle.BLACK);
    pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    NumberAxis x = new NumberAxis("children in the cohort (n)");
    NumberAxis y = new NumberAxis(measureLabel + " (%)");
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
    XYPlot plot = new XYPlot(new XYSeriesCollection(councils), x, y, pointRenderer);
    plot.setDataset(1, lines);
    plot.setRenderer(1, lineRenderer);
    ValueMarker target = ChartStyle.marker(p0, ChartStyle.GREY, ChartStyle.THIN,
        String.format(Locale.UK, "Scotland %.1f%%", 100 * p0), org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT,
        TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(target);
    for (Point point : points) {
      if (point.flagged()) {
        XYTextAnnotation label = new XYTextAnnotation(" " + point.council(), point.denominator(), point.proportion());
        label.setFont(new Font(ChartStyle.FONT, Font.BOLD, 13));
        label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        // Slanted, so councils of similar size and share do not write over each other.
        label.setRotationAnchor(TextAnchor.BOTTOM_LEFT);
        label.setRotationAngle(-Math.PI / 6);
        plot.addAnnotation(label);
      }
    }
    double low = points.stream().mapToDouble(Point::proportion).min().orElse(p0);
    double high = points.stream().mapToDouble(Point::proportion).max().orElse(p0);
    int smallest = (int) Math.max(1, points.stream().mapToLong(Point::denominator).min().orElse(1) / 2);
    for (Limits at : limits) {
      if (at.n() == smallest) {
        low = Math.min(low, at.lower998());
        high = Math.max(high, at.upper998());
      }
    }
    y.setRange(Math.max(0, low - 0.05), Math.min(1, high + 0.05));
    JFreeChart chart = new JFreeChart(title, plot);
    return ChartStyle.finish(chart, subtitle, footnote);
  }
}
