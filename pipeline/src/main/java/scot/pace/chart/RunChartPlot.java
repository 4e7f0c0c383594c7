package scot.pace.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PACE run chart, as in the Aim 2 webinar: one dot per child on the date of its permanence
 * recommendation at the weeks it waited, the council's aim as a line, the PACE start as a
 * vertical line, the baseline median carried forward (dashed after the start) and the median
 * after the start; dots in a run longer than the Anhøj limit in orange; "too few points" written
 * on the chart when there are under 10 useful points.
 */
public final class RunChartPlot {
  /** One child's point; {@code signal} when it belongs to an unusually long run. */
  public record Point(LocalDate date, double weeks, boolean signal) {}

  /** The medians and markers drawn over the points. */
  public record Lines(LocalDate paceStart, Double baselineMedian, Double phaseMedian, int aimWeeks,
      boolean tooFewPoints, String verdict) {}

  private RunChartPlot() {}

  static double millis(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  public static JFreeChart draw(String title, String subtitle, String footnote, List<Point> points, Lines lines) {
    XYSeries usual = new XYSeries("child (weeks from first accommodated to recommendation)", false);
    XYSeries signal = new XYSeries("child in an unusually long run (Anhøj)", false);
    for (Point point : points) {
      (point.signal() ? signal : usual).add(millis(point.date()), point.weeks());
    }
    LocalDate first = points.stream().map(Point::date).min(LocalDate::compareTo).orElse(LocalDate.now());
    LocalDate last = points.stream().map(Point::date).max(LocalDate::compareTo).orElse(LocalDate.now());
    XYSeries baseline = new XYSeries("baseline median, before PACE", false);
    XYSeries carried = new XYSeries("baseline median carried forward", false);
    XYSeries after = new XYSeries("median since PACE start", false);
    if (lines.baselineMedian() != null) {
      LocalDate split = lines.paceStart() == null ? last : lines.paceStart();
      baseline.add(millis(first), lines.baselineMedian());
      baseline.add(millis(split), lines.baselineMedian());
      if (lines.paceStart() != null) {
        carried.add(millis(split), lines.baselineMedian());
        carried.add(millis(last), lines.baselineMedian());
      }
    }
    if (lines.phaseMedian() != null) {
      LocalDate from = lines.paceStart() == null || lines.paceStart().isBefore(first) ? first : lines.paceStart();
      after.add(millis(from), lines.phaseMedian());
      after.add(millis(last), lines.phaseMedian());
    }
    XYSeriesCollection dots = new XYSeriesCollection();
    dots.addSeries(usual);
    dots.addSeries(signal);
    XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
    dotRenderer.setSeriesPaint(0, new Color(0, 114, 178, 150));
    dotRenderer.setSeriesPaint(1, ChartStyle.PURPLE);
    dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    dotRenderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
    XYSeriesCollection medians = new XYSeriesCollection();
    medians.addSeries(baseline);
    medians.addSeries(carried);
    medians.addSeries(after);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    // The PACE Aim 2 webinar's colours, which practitioners know: the aim green, the PACE start red,
    // the baseline median orange; the median since PACE black, the children blue.
    lineRenderer.setSeriesPaint(0, ChartStyle.ORANGE);
    lineRenderer.setSeriesStroke(0, ChartStyle.LINE);
    lineRenderer.setSeriesPaint(1, ChartStyle.ORANGE);
    lineRenderer.setSeriesStroke(1, ChartStyle.DASHED);
    lineRenderer.setSeriesPaint(2, ChartStyle.BLACK);
    lineRenderer.setSeriesStroke(2, new BasicStroke(3f));
    DateAxis x = new DateAxis("date of the permanence recommendation");
    NumberAxis y = new NumberAxis("weeks from first accommodated to recommendation");
    XYPlot plot = new XYPlot(medians, x, y, lineRenderer);
    plot.setDataset(1, dots);
    plot.setRenderer(1, dotRenderer);
    plot.addRangeMarker(ChartStyle.marker(lines.aimWeeks(), ChartStyle.GREEN, ChartStyle.LINE,
        "aim: " + lines.aimWeeks() + " weeks", RectangleAnchor.TOP_LEFT, TextAnchor.BOTTOM_LEFT));
    if (lines.paceStart() != null) {
      plot.addDomainMarker(ChartStyle.marker(millis(lines.paceStart()), ChartStyle.VERMILLION, ChartStyle.LINE,
          "PACE start " + lines.paceStart(), RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT));
    }
    if (lines.tooFewPoints() || points.isEmpty()) {
      double maxWeeks = points.stream().mapToDouble(Point::weeks).max().orElse(lines.aimWeeks() * 2.0);
      XYTextAnnotation note = new XYTextAnnotation("too few points: no verdict", millis(first) + (millis(last) - millis(first)) / 2,
          maxWeeks);
      note.setFont(new Font(ChartStyle.FONT, Font.BOLD, 22));
      note.setPaint(ChartStyle.VERMILLION);
      note.setTextAnchor(TextAnchor.TOP_CENTER);
      plot.addAnnotation(note);
    }
    y.setAutoRangeIncludesZero(true);
    JFreeChart chart = ChartStyle.finish(new JFreeChart(title, plot), subtitle, footnote);
    if (lines.verdict() != null) {
      org.jfree.chart.title.TextTitle verdict = new org.jfree.chart.title.TextTitle(lines.verdict(),
          new Font(ChartStyle.FONT, Font.BOLD, 14));
      verdict.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
      verdict.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
      verdict.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 8, 2, 8));
      chart.addSubtitle(1, verdict);
    }
    return chart;
  }
}
