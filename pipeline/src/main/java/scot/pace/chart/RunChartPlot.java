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
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PACE run chart, as qicharts2 draws one from aggregated data and in the Aim 2 webinar's
 * colours: one point per month, the median weeks of the children recommended that month, joined
 * by a line; months in a run longer than Anhøj's limit in purple; the council's aim green, the
 * PACE start a vermillion vertical line, the baseline median orange (dashed where carried forward
 * after the start) and the median since the start black. The restricted chart adds a faint dot
 * per child behind the months. "too few points" is written on a chart with under 10 useful months.
 */
public final class RunChartPlot {
  /** One child's point, for a council's own chart. */
  public record Point(LocalDate date, double weeks) {}

  /** One month's point: its median weeks, null when withheld; {@code signal} when in an unusually long run. */
  public record Month(LocalDate month, Double medianWeeks, boolean signal) {}

  /** The centre lines and markers drawn over the points. */
  public record Lines(LocalDate paceStart, Double baselineMedian, Double phaseMedian, int aimWeeks,
      boolean tooFewPoints, String verdict) {
    /** The same lines under another verdict text. */
    public Lines withVerdict(String text) {
      return new Lines(paceStart, baselineMedian, phaseMedian, aimWeeks, tooFewPoints, text);
    }
  }

  /** One council's panel of the small multiples; {@code signal} when its verdict is a change. */
  public record Panel(String council, List<Month> months, Lines lines, boolean signal) {}

  private RunChartPlot() {}

  static double millis(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** A month's point sits at its middle, among its children's dots. */
  static double middle(LocalDate month) {
    return millis(month.withDayOfMonth(15));
  }

  /** A council's run chart: its months and, when given, a faint dot per child. */
  public static JFreeChart draw(String title, String subtitle, String footnote, List<Point> children,
      List<Month> months, Lines lines) {
    XYPlot plot = plot(children, months, lines, false);
    JFreeChart chart = ChartStyle.finish(new JFreeChart(title, plot), subtitle, footnote);
    if (lines.verdict() != null) {
      TextTitle verdict = new TextTitle(lines.verdict(), new Font(ChartStyle.FONT, Font.BOLD, 14));
      verdict.setPosition(RectangleEdge.BOTTOM);
      verdict.setHorizontalAlignment(HorizontalAlignment.LEFT);
      verdict.setPadding(new RectangleInsets(2, 8, 2, 8));
      chart.addSubtitle(1, verdict);
    }
    return chart;
  }

  /**
   * The same chart small, one per council, on a shared time and weeks scale so that councils can
   * be compared at a glance; the council and its verdict above each panel.
   */
  public static ChartGrid grid(String title, String subtitle, String footnote, List<Panel> panels) {
    double lowest = Double.MAX_VALUE;
    double highest = -Double.MAX_VALUE;
    double top = 0;
    for (Panel panel : panels) {
      for (Month month : panel.months()) {
        lowest = Math.min(lowest, middle(month.month()));
        highest = Math.max(highest, middle(month.month()));
        if (month.medianWeeks() != null) {
          top = Math.max(top, month.medianWeeks());
        }
      }
      top = Math.max(top, panel.lines().aimWeeks());
    }
    List<JFreeChart> charts = new java.util.ArrayList<>();
    for (Panel panel : panels) {
      XYPlot plot = plot(List.of(), panel.months(), panel.lines(), true);
      if (lowest < highest) {
        plot.getDomainAxis().setRange(lowest - 20 * 86_400_000.0, highest + 20 * 86_400_000.0);
      }
      plot.getRangeAxis().setRange(0, top * 1.05 + 1);
      JFreeChart chart = new JFreeChart(panel.council(), new Font(ChartStyle.FONT, Font.BOLD, 13), plot, false);
      chart.setBackgroundPaint(Color.WHITE);
      plot.setBackgroundPaint(Color.WHITE);
      plot.setOutlineVisible(false);
      plot.setDomainGridlinePaint(ChartStyle.LIGHT_GREY);
      plot.setRangeGridlinePaint(ChartStyle.LIGHT_GREY);
      TextTitle verdict = new TextTitle(panel.lines().verdict(), new Font(ChartStyle.FONT, Font.PLAIN, 11));
      verdict.setPaint(panel.signal() ? ChartStyle.PURPLE.darker() : new Color(0x444444));
      chart.addSubtitle(verdict);
      chart.setPadding(new RectangleInsets(4, 4, 4, 4));
      charts.add(chart);
    }
    return new ChartGrid(title, subtitle, footnote, charts, 4, 260, List.of(
        new ChartGrid.Key(ChartStyle.BLUE, "monthly median weeks"),
        new ChartGrid.Key(ChartStyle.ORANGE, "baseline median"),
        new ChartGrid.Key(ChartStyle.BLACK, "median since PACE start (of all months, with no start)"),
        new ChartGrid.Key(ChartStyle.VERMILLION, "PACE start"),
        new ChartGrid.Key(ChartStyle.GREEN, "aim")));
  }

  private static XYPlot plot(List<Point> children, List<Month> months, Lines lines, boolean small) {
    XYSeries dots = new XYSeries("child (weeks from first accommodated to recommendation)", false);
    for (Point point : children) {
      dots.add(millis(point.date()), point.weeks());
    }
    XYSeries usual = new XYSeries("monthly median weeks", false);
    XYSeries signal = new XYSeries("month in an unusually long run (Anhøj)", false);
    for (Month month : months) {
      // A withheld month breaks the line rather than joining its neighbours across it.
      usual.add(middle(month.month()), month.medianWeeks());
      signal.add(middle(month.month()), month.signal() ? month.medianWeeks() : null);
    }
    LocalDate first = months.stream().map(Month::month).min(LocalDate::compareTo).orElse(LocalDate.now());
    LocalDate last = months.stream().map(Month::month).max(LocalDate::compareTo).orElse(LocalDate.now());
    double from = middle(first);
    double to = middle(last);
    XYSeries baseline = new XYSeries("baseline median, before PACE", false);
    XYSeries carried = new XYSeries("baseline median carried forward", false);
    XYSeries after = new XYSeries("median since PACE start", false);
    if (lines.baselineMedian() != null) {
      double split = lines.paceStart() == null ? to : millis(lines.paceStart());
      baseline.add(from, lines.baselineMedian());
      baseline.add(split, lines.baselineMedian());
      if (lines.paceStart() != null) {
        carried.add(split, lines.baselineMedian());
        carried.add(to, lines.baselineMedian());
      }
    }
    if (lines.phaseMedian() != null) {
      double start = lines.paceStart() == null || millis(lines.paceStart()) < from ? from : millis(lines.paceStart());
      after.add(start, lines.phaseMedian());
      after.add(to, lines.phaseMedian());
    }
    XYSeriesCollection points = new XYSeriesCollection();
    points.addSeries(usual);
    points.addSeries(signal);
    XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(true, true);
    float size = small ? 4 : 8;
    pointRenderer.setSeriesPaint(0, ChartStyle.BLUE);
    pointRenderer.setSeriesStroke(0, new BasicStroke(small ? 1f : 1.5f));
    pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
    pointRenderer.setSeriesPaint(1, ChartStyle.PURPLE);
    pointRenderer.setSeriesLinesVisible(1, false);
    pointRenderer.setSeriesShape(1, new Ellipse2D.Double(-size * 0.7, -size * 0.7, size * 1.4, size * 1.4));
    XYSeriesCollection medians = new XYSeriesCollection();
    medians.addSeries(baseline);
    medians.addSeries(carried);
    medians.addSeries(after);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    lineRenderer.setSeriesPaint(0, ChartStyle.ORANGE);
    lineRenderer.setSeriesStroke(0, small ? ChartStyle.THIN : ChartStyle.LINE);
    lineRenderer.setSeriesPaint(1, ChartStyle.ORANGE);
    lineRenderer.setSeriesStroke(1, ChartStyle.DASHED);
    lineRenderer.setSeriesPaint(2, ChartStyle.BLACK);
    lineRenderer.setSeriesStroke(2, new BasicStroke(small ? 1.5f : 3f));
    DateAxis x = new DateAxis(small ? null : "month of the permanence recommendation");
    NumberAxis y = new NumberAxis(small ? null : "weeks from first accommodated to recommendation");
    if (small) {
      Font ticks = new Font(ChartStyle.FONT, Font.PLAIN, 10);
      x.setTickLabelFont(ticks);
      y.setTickLabelFont(ticks);
    }
    XYPlot plot = new XYPlot(medians, x, y, lineRenderer);
    // The months in a long run drawn over the others, not under them (JFreeChart draws the last series first).
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    plot.setDataset(1, points);
    plot.setRenderer(1, pointRenderer);
    if (!children.isEmpty()) {
      XYSeriesCollection childDots = new XYSeriesCollection();
      childDots.addSeries(dots);
      XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
      dotRenderer.setSeriesPaint(0, new Color(86, 180, 233, 90));
      dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
      plot.setDataset(2, childDots);
      plot.setRenderer(2, dotRenderer);
    }
    String aim = small ? "" : "aim: " + lines.aimWeeks() + " weeks";
    plot.addRangeMarker(ChartStyle.marker(lines.aimWeeks(), ChartStyle.GREEN, small ? ChartStyle.THIN : ChartStyle.LINE,
        aim, RectangleAnchor.TOP_LEFT, TextAnchor.BOTTOM_LEFT));
    if (lines.paceStart() != null) {
      plot.addDomainMarker(ChartStyle.marker(millis(lines.paceStart()), ChartStyle.VERMILLION,
          small ? ChartStyle.THIN : ChartStyle.LINE, small ? "" : "PACE start " + lines.paceStart(),
          RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT));
    }
    if (lines.tooFewPoints() || months.isEmpty()) {
      double maxWeeks = months.stream().filter(m -> m.medianWeeks() != null).mapToDouble(Month::medianWeeks).max()
          .orElse(lines.aimWeeks() * 2.0);
      XYTextAnnotation note = new XYTextAnnotation("too few points: no verdict", from + (to - from) / 2, maxWeeks);
      note.setFont(new Font(ChartStyle.FONT, Font.BOLD, small ? 11 : 22));
      note.setPaint(ChartStyle.VERMILLION);
      note.setTextAnchor(TextAnchor.TOP_CENTER);
      plot.addAnnotation(note);
    }
    y.setAutoRangeIncludesZero(true);
    return plot;
  }
}
