package scot.pace.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Every chart renders from a small fixture to a 1200 × 800 PNG and to SVG that parses and names what it shows. */
class ChartsTest {
  @TempDir Path dir;
  static final String FOOT = "Source: test fixture; snapshot 31 July 2024.";

  /** Writes the chart and checks both files; gives the SVG text. */
  String render(JFreeChart chart, String name, String... mustSay) throws Exception {
    List<Path> files = ChartWriter.write(chart, dir, name);
    assertEquals(List.of(dir.resolve(name + ".png"), dir.resolve(name + ".svg")), files);
    BufferedImage png = ImageIO.read(files.get(0).toFile());
    assertEquals(1200, png.getWidth());
    assertEquals(800, png.getHeight());
    assertTrue(Files.size(files.get(0)) > 10_000, "a PNG with something drawn on it");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // The SVG names the W3C DTD; a parser offline must not try to fetch it.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document svg = factory.newDocumentBuilder().parse(files.get(1).toFile());
    assertEquals("svg", svg.getDocumentElement().getLocalName());
    String text = svg.getDocumentElement().getTextContent();
    for (String expected : mustSay) {
      assertTrue(text.contains(expected), name + ".svg should say \"" + expected + "\"");
    }
    try (var leftovers = Files.list(dir)) {
      assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
    return text;
  }

  @Test
  void caterpillarNamesEveryCouncilAndHidesTheSuppressedOne() throws Exception {
    String svg = render(Caterpillar.draw("Councils compared: within 2 years", "2021-22 cohort", FOOT, "share",
        List.of(new Caterpillar.Share("Orkney Islands", 0.4, 0.2, 0.6, true),
            new Caterpillar.Share("Glasgow City", 0.55, 0.5, 0.6, true),
            new Caterpillar.Share("Shetland Islands", 0.5, 0.1, 0.9, false)), 0.52),
        "caterpillar", "Councils compared: within 2 years", "Orkney Islands", "Glasgow City", "Scotland 52.0%",
        "Shetland Islands [c]", "Source: test fixture");
    assertEquals(svg.split("Shetland Islands", -1).length, svg.split("Shetland Islands \\[c\\]", -1).length,
        "the suppressed council is named only with [c], never as a point of its own");
  }

  @Test
  void funnelPlotLabelsTheFlaggedCouncils() throws Exception {
    List<FunnelPlot.Limits> limits = new ArrayList<>();
    for (int n = 1; n <= 300; n++) {
      double spread = 1.96 * Math.sqrt(0.3 * 0.7 / n);
      double wide = 3.09 * Math.sqrt(0.3 * 0.7 / n);
      limits.add(new FunnelPlot.Limits(n, Math.max(0, 0.3 - spread), Math.min(1, 0.3 + spread), Math.max(0, 0.3 - wide),
          Math.min(1, 0.3 + wide), 0.2, 0.4, 0.1, 0.5));
    }
    render(FunnelPlot.draw("Funnel plot: kinship share", "31 July 2024", FOOT, "share",
        List.of(new FunnelPlot.Point("Fife", 250, 0.45, true), new FunnelPlot.Point("Angus", 60, 0.31, false)),
        limits, 0.3, true), "funnel", "Funnel plot: kinship share", "Fife", "95% limits", "99.8% limits",
        "Scotland 30.0%", "children in the cohort (n)");
  }

  @Test
  void funnelPlotNamesTheLargestCouncilsTooWithoutWritingNamesOverEachOther() {
    List<FunnelPlot.Point> points = new ArrayList<>();
    // Two flagged councils at the same point, and eight within the limits of which five are the largest.
    points.add(new FunnelPlot.Point("Fife", 250, 0.45, true));
    points.add(new FunnelPlot.Point("Falkirk", 250, 0.45, true));
    for (int i = 0; i < 8; i++) {
      points.add(new FunnelPlot.Point("Council " + i, 20 + 25 * i, 0.3, false));
    }
    List<org.jfree.chart.annotations.XYTextAnnotation> labels = FunnelPlot.labels(points, 0.3, 300, 0.0, 0.6);
    List<String> names = labels.stream().map(l -> l.getText().trim()).toList();
    org.junit.jupiter.api.Assertions.assertEquals(List.of("Fife", "Falkirk"), names.subList(0, 2), "flagged first");
    for (int i = 3; i < 8; i++) {
      org.junit.jupiter.api.Assertions.assertTrue(names.contains("Council " + i), "the five largest named: " + names);
    }
    org.junit.jupiter.api.Assertions.assertTrue(!names.contains("Council 0"), "not the smaller ones: " + names);
    org.junit.jupiter.api.Assertions.assertNotEquals(labels.get(0).getTextAnchor(), labels.get(1).getTextAnchor(),
        "two names at one point go on different sides");
  }

  @Test
  void permanenceCurvesRouteBarsStagesAndKinship() throws Exception {
    List<PermanenceCurve.Step> steps = List.of(new PermanenceCurve.Step(200, 0.9, 0.85, 0.95),
        new PermanenceCurve.Step(700, 0.5, 0.4, 0.6), new PermanenceCurve.Step(1500, 0.2, 0.1, 0.3));
    render(PermanenceCurve.draw("Children reaching legal permanence: Fife", "2019-20", FOOT,
        List.of(new PermanenceCurve.Curve("Fife", steps), new PermanenceCurve.Curve("Scotland", steps)), true),
        "curve", "Children reaching legal permanence: Fife", "years since entering the cohort", "Scotland");
    render(RouteIncidence.draw("Routes to permanence: Fife", "2017-18", FOOT, List.of(
            new RouteIncidence.Share(1, "HOME", 0.2, true), new RouteIncidence.Share(1, "STILL_WAITING", 0.7, true),
            new RouteIncidence.Share(1, "ADOPTION", 0.05, false), new RouteIncidence.Share(1, "POA", 0.05, false))),
        "routes", "Routes to permanence: Fife", "still waiting", "[c] suppressed");
    render(StageIntervals.draw("Stages after a permanence recommendation: Fife", "by year", FOOT, List.of(
            new StageIntervals.Median("REC_TO_PANEL", 2023, 120.0), new StageIntervals.Median("REC_TO_PANEL", 2024, 100.0),
            new StageIntervals.Median("PANEL_TO_ADM", 2024, 12.0), new StageIntervals.Median("PANEL_TO_ADM", 2023, null))),
        "stages", "recommendation to panel", "14 days: panel to agency decision", "2023");
    render(KinshipTrend.draw("Where looked after children live: Fife", "31 July", FOOT, List.of(
            new KinshipTrend.Snapshot(2023, Map.of("kinship", 0.3, "foster", 0.5, "at_home", 0.2), 0.33),
            new KinshipTrend.Snapshot(2024, Map.of("kinship", Double.NaN, "foster", 0.6, "at_home", 0.3), 0.32))),
        "kinship", "Where looked after children live: Fife", "kinship care", "[c] suppressed", "Scotland: kinship care");
  }

  @Test
  void shareTrendsBreakAtAWithheldYearAndNameOnlyTheLinesOfTheKey() throws Exception {
    List<ShareTrends.Year> fife = List.of(new ShareTrends.Year(2020, 0.4, 0.3, 0.5),
        new ShareTrends.Year(2021, null, null, null), new ShareTrends.Year(2022, 0.45, 0.35, 0.55),
        new ShareTrends.Year(2023, 0.5, 0.4, 0.6));
    List<ShareTrends.Year> scotland = List.of(new ShareTrends.Year(2020, 0.42, null, null),
        new ShareTrends.Year(2021, 0.43, null, null), new ShareTrends.Year(2022, 0.44, null, null));
    JFreeChart chart = ShareTrends.draw("Fife across the years", "by year", FOOT, "year", List.of(
        new ShareTrends.Panel("kinship share", List.of(
            new ShareTrends.Line("Fife", fife, ChartStyle.BLUE, ChartStyle.LINE, true),
            new ShareTrends.Line(null, scotland, ChartStyle.GREY, ShareTrends.thin(), false),
            new ShareTrends.Line("Scotland", scotland, ChartStyle.BLACK, ChartStyle.DASHED, false))),
        new ShareTrends.Panel("within 2 years", List.of(
            new ShareTrends.Line("Fife", fife, ChartStyle.BLUE, ChartStyle.LINE, true)))));
    List<Path> files = ChartWriter.write(chart, ShareTrends.HEIGHT, dir, "trends");
    assertEquals(ShareTrends.HEIGHT, ImageIO.read(files.get(0).toFile()).getHeight());
    String svg = Files.readString(files.get(1));
    for (String said : List.of("Fife across the years", "kinship share", "within 2 years", "Scotland")) {
      assertTrue(svg.contains(said), "the chart says " + said);
    }
    org.jfree.chart.plot.CombinedDomainXYPlot plot = (org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot();
    org.jfree.data.xy.XYDataset first = plot.getSubplots().get(0).getDataset();
    assertEquals(4, first.getSeriesCount(), "Fife in two stretches either side of 2021, the thin line, Scotland");
    assertEquals(1, first.getItemCount(0));
    assertEquals(2, first.getItemCount(1));
    assertEquals(0.55, ((org.jfree.data.xy.IntervalXYDataset) first).getEndYValue(1, 0), 1e-9, "the interval's top");
    assertEquals(List.of("Fife", "Scotland"), java.util.stream.StreamSupport.stream(
            java.util.Spliterators.spliteratorUnknownSize(plot.getFixedLegendItems().iterator(), 0), false)
        .map(item -> ((org.jfree.chart.LegendItem) item).getLabel()).toList(), "one key entry per named line");
  }

  @Test
  void smallMultiplesDrawEveryCouncilOnOneScale() throws Exception {
    List<RunChartPlot.Panel> panels = new ArrayList<>();
    for (int c = 0; c < 6; c++) {
      List<RunChartPlot.Month> months = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        months.add(new RunChartPlot.Month(LocalDate.of(2015 + c % 2, 1, 1).plusMonths(i), 40.0 + 10 * c + i % 5, false));
      }
      panels.add(new RunChartPlot.Panel("Council " + c, months, new RunChartPlot.Lines(
          c == 5 ? null : LocalDate.of(2016, 1, 1), 45.0, 50.0, 26, false, c == 0 ? "shift (run of 9, limit 7)"
          : c == 5 ? "no baseline to compare" : "no signal: random variation"), c == 0));
    }
    ChartGrid grid = RunChartPlot.grid("Every council", "monthly medians", FOOT, panels);
    List<Path> files = ChartWriter.write(grid, dir, "grid");
    BufferedImage png = ImageIO.read(files.get(0).toFile());
    assertEquals(grid.width(), png.getWidth());
    assertEquals(ChartGrid.HEADER + 2 * 260 + ChartGrid.FOOTER, png.getHeight(), "six panels, four a row: two rows");
    String svg = Files.readString(files.get(1));
    for (String said : List.of("Every council", "Council 0", "Council 5", "shift (run of 9, limit 7)",
        "no baseline to compare", "monthly median weeks", "PACE start", FOOT)) {
      assertTrue(svg.contains(said), "the small multiples say " + said);
    }
    for (JFreeChart panel : grid.panels()) {
      assertEquals(0, panel.getXYPlot().getRangeAxis().getLowerBound(), 1e-9);
      assertEquals(grid.panels().get(0).getXYPlot().getRangeAxis().getUpperBound(),
          panel.getXYPlot().getRangeAxis().getUpperBound(), 1e-9, "one weeks scale");
      assertEquals(grid.panels().get(0).getXYPlot().getDomainAxis().getLowerBound(),
          panel.getXYPlot().getDomainAxis().getLowerBound(), 1e-9, "one time scale");
    }
  }

  @Test
  void runChartAndStillWaitingSayWhatTheyShow() throws Exception {
    List<RunChartPlot.Point> children = new ArrayList<>();
    List<RunChartPlot.Month> months = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      LocalDate month = LocalDate.of(2015, 1, 1).plusMonths(i);
      months.add(new RunChartPlot.Month(month, i == 3 ? null : i < 15 ? 100.0 + i % 3 : 60.0, i >= 15));
      children.add(new RunChartPlot.Point(month.plusDays(3), i < 15 ? 90 : 50));
      children.add(new RunChartPlot.Point(month.plusDays(9), i < 15 ? 110 : 70));
    }
    render(RunChartPlot.draw("PACE run chart: Fife", "monthly medians", FOOT, children, months,
        new RunChartPlot.Lines(LocalDate.of(2016, 4, 1), 101.0, 60.0, 26, false, "shift (run of 15, limit 8)")),
        "run_chart", "PACE run chart: Fife", "PACE start 2016-04-01", "aim: 26 weeks", "shift (run of 15, limit 8)",
        "baseline median carried forward", "monthly median weeks", "month in an unusually long run (Anhøj)",
        "child (weeks from first accommodated to recommendation)");
    // The PACE Aim 2 webinar's colours: the aim green, the PACE start red, the baseline median orange.
    org.jfree.chart.plot.XYPlot plot = RunChartPlot.draw("PACE run chart: Fife", "monthly medians", FOOT, children,
        months, new RunChartPlot.Lines(LocalDate.of(2016, 4, 1), 101.0, 60.0, 26, false, null)).getXYPlot();
    org.junit.jupiter.api.Assertions.assertEquals(ChartStyle.GREEN,
        ((org.jfree.chart.plot.ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getPaint());
    org.junit.jupiter.api.Assertions.assertEquals(ChartStyle.VERMILLION,
        ((org.jfree.chart.plot.ValueMarker) plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getPaint());
    org.junit.jupiter.api.Assertions.assertEquals(ChartStyle.ORANGE, plot.getRenderer(0).getSeriesPaint(0), "the baseline median");
    org.jfree.data.xy.XYDataset monthly = plot.getDataset(1);
    assertEquals(30, monthly.getItemCount(0), "one point a month");
    assertTrue(Double.isNaN(monthly.getYValue(0, 3)), "a withheld month is a gap, not a point");
    assertEquals(60, plot.getDataset(2).getItemCount(0), "a dot per child behind the months");
    assertEquals(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD, plot.getSeriesRenderingOrder(),
        "the months in a long run drawn over the others");
    render(RunChartPlot.draw("PACE run chart: Orkney", "monthly medians", FOOT, List.of(), months.subList(0, 4),
        new RunChartPlot.Lines(null, null, 100.0, 26, true, null)), "run_chart_small", "too few points: no verdict");
    render(StillWaitingBars.draw("Children still waiting: Fife", "31 July 2024", FOOT, List.of(
            new StillWaitingBars.Child(80, "KIN"), new StillWaitingBars.Child(120, "FOS_LA"),
            new StillWaitingBars.Child(30, null)), 26),
        "still_waiting", "Children still waiting: Fife", "kinship care", "foster care (council)", "no placement recorded",
        "children, longest wait first (3)");
    // Eight placements: the second four hatched, so neighbours do not merge for colour-blind readers; the aim green.
    List<StillWaitingBars.Child> eight = new ArrayList<>();
    for (String code : List.of("HOME", "KIN", "FOS_LA", "FOS_PUR", "ADOPTERS", "COMM", "RES_LA", "RES_VOL")) {
      eight.add(new StillWaitingBars.Child(50, code));
    }
    org.jfree.chart.plot.CategoryPlot bars = StillWaitingBars.draw("t", "s", FOOT, eight, 26).getCategoryPlot();
    org.junit.jupiter.api.Assertions.assertTrue(bars.getRenderer().getSeriesPaint(0) instanceof java.awt.Color);
    org.junit.jupiter.api.Assertions.assertTrue(bars.getRenderer().getSeriesPaint(4) instanceof java.awt.TexturePaint);
    org.junit.jupiter.api.Assertions.assertEquals(ChartStyle.GREEN,
        ((org.jfree.chart.plot.ValueMarker) bars.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getPaint());
    // Children with equal waits come in whatever order Spark gives them: the bars are the same.
    List<StillWaitingBars.Child> reversed = new ArrayList<>(eight);
    java.util.Collections.reverse(reversed);
    org.jfree.data.category.CategoryDataset one = bars.getDataset();
    org.jfree.data.category.CategoryDataset other = StillWaitingBars.draw("t", "s", FOOT, reversed, 26).getCategoryPlot()
        .getDataset();
    for (int row = 0; row < one.getRowCount(); row++) {
      for (int column = 0; column < one.getColumnCount(); column++) {
        assertEquals(one.getValue(row, column), other.getValue(row, column), row + ", " + column);
      }
    }
  }
}
