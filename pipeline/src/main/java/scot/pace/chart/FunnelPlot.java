package scot.pace.chart;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
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
    double low = points.stream().mapToDouble(Point::proportion).min().orElse(p0);
    double high = points.stream().mapToDouble(Point::proportion).max().orElse(p0);
    int smallest = (int) Math.max(1, points.stream().mapToLong(Point::denominator).min().orElse(1) / 2);
    for (Limits at : limits) {
      if (at.n() == smallest) {
        low = Math.min(low, at.lower998());
        high = Math.max(high, at.upper998());
      }
    }
    double yLow = Math.max(0, low - 0.05);
    double yHigh = Math.min(1, high + 0.05);
    y.setRange(yLow, yHigh);
    double xHigh = points.stream().mapToLong(Point::denominator).max().orElse(1) * 1.05;
    labels(points, p0, xHigh, yLow, yHigh).forEach(plot::addAnnotation);
    JFreeChart chart = new JFreeChart(title, plot);
    return ChartStyle.finish(chart, subtitle, footnote);
  }

  /** Councils named on the chart: those outside the 95% limits, then the largest, whatever their share. */
  static final int LARGEST_NAMED = 5;

  /**
   * The names of the flagged councils and of the {@link #LARGEST_NAMED} largest, each put beside its
   * point on the first side (above right, below right, above left, below left; then the same one,
   * two or three lines further up or down) where it covers no name already placed nor Scotland's
   * label at the right end of its line ({@code p0}); flagged councils are placed first. A largest
   * council whose name fits nowhere is left unnamed; a flagged one is named beside its point regardless.
   */
  static List<XYTextAnnotation> labels(List<Point> points, double p0, double xHigh, double yLow, double yHigh) {
    List<Point> named = new ArrayList<>(points.stream().filter(Point::flagged).toList());
    points.stream().filter(p -> !p.flagged()).sorted(Comparator.comparingLong(Point::denominator).reversed())
        .limit(LARGEST_NAMED).forEach(named::add);
    // The plot is about 1,000 by 600 pixels and a name 8 pixels a letter, 16 high: boxes in the axes' units.
    double perPixelX = xHigh / 1000;
    double perPixelY = (yHigh - yLow) / 600;
    TextAnchor[] sides = {TextAnchor.BOTTOM_LEFT, TextAnchor.TOP_LEFT, TextAnchor.BOTTOM_RIGHT, TextAnchor.TOP_RIGHT};
    List<double[]> placed = new ArrayList<>();
    placed.add(new double[] {xHigh - 16 * 8 * perPixelX, p0, xHigh, p0 + 16 * perPixelY});
    List<XYTextAnnotation> labels = new ArrayList<>();
    for (Point point : named) {
      String text = " " + point.council() + " ";
      double width = text.length() * 8 * perPixelX;
      double height = 16 * perPixelY;
      TextAnchor chosen = null;
      double[] box = null;
      double labelY = point.proportion();
      search:
      for (int shift = 0; shift <= 3; shift++) {
        for (TextAnchor side : sides) {
          boolean right = side == TextAnchor.BOTTOM_LEFT || side == TextAnchor.TOP_LEFT;
          boolean above = side == TextAnchor.BOTTOM_LEFT || side == TextAnchor.BOTTOM_RIGHT;
          double y = point.proportion() + (above ? shift : -shift) * height;
          double x0 = right ? point.denominator() : point.denominator() - width;
          double y0 = above ? y : y - height;
          double[] candidate = {x0, y0, x0 + width, y0 + height};
          boolean inside = candidate[0] >= 0 && candidate[2] <= xHigh && candidate[1] >= yLow && candidate[3] <= yHigh;
          if (inside && placed.stream().noneMatch(other -> overlap(other, candidate))) {
            chosen = side;
            box = candidate;
            labelY = y;
            break search;
          }
        }
      }
      if (chosen == null && !point.flagged()) {
        continue;
      }
      if (chosen == null) {
        chosen = sides[0];
        box = new double[] {point.denominator(), point.proportion(), point.denominator() + width, point.proportion() + height};
      }
      placed.add(box);
      XYTextAnnotation label = new XYTextAnnotation(text, point.denominator(), labelY);
      label.setFont(new Font(ChartStyle.FONT, point.flagged() ? Font.BOLD : Font.PLAIN, 13));
      label.setTextAnchor(chosen);
      labels.add(label);
    }
    return labels;
  }

  private static boolean overlap(double[] a, double[] b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }
}
