package scot.pace.chart;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The placement mix of looked after children at each 31 July as a stacked area, kinship care at
 * the bottom, with Scotland's kinship share as a dashed line for a council. Groups suppressed for
 * disclosure in a year are drawn together in grey as {@code [c]}.
 */
public final class KinshipTrend {
  /** The groups in the order they stack, with their labels. */
  public static final List<String[]> GROUPS = List.of(
      new String[] {"kinship", "kinship care"}, new String[] {"at_home", "at home"},
      new String[] {"foster", "foster care"}, new String[] {"adopters", "with prospective adopters"},
      new String[] {"residential", "residential"}, new String[] {"other_community", "other community"},
      new String[] {"no_placement", "no placement recorded"});

  /** One snapshot: each group's share, {@code NaN} when suppressed, and Scotland's kinship share. */
  public record Snapshot(int year, Map<String, Double> shares, Double scotlandKinship) {}

  private KinshipTrend() {}

  public static JFreeChart draw(String title, String subtitle, String footnote, List<Snapshot> snapshots) {
    DefaultTableXYDataset data = new DefaultTableXYDataset();
    for (String[] group : GROUPS) {
      XYSeries series = new XYSeries(group[1], true, false);
      for (Snapshot snapshot : snapshots) {
        double share = snapshot.shares().getOrDefault(group[0], 0.0);
        series.add(snapshot.year(), Double.isNaN(share) ? 0 : share);
      }
      data.addSeries(series);
    }
    boolean anyHidden = snapshots.stream().anyMatch(s -> s.shares().values().stream().anyMatch(v -> v.isNaN()));
    if (anyHidden) {
      // The suppressed groups together: 1 minus the groups shown, one grey band.
      XYSeries hidden = new XYSeries("[c] suppressed", true, false);
      for (Snapshot snapshot : snapshots) {
        double shown = snapshot.shares().values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).sum();
        hidden.add(snapshot.year(), Math.max(0, 1 - shown));
      }
      data.addSeries(hidden);
    }
    StackedXYAreaRenderer2 area = new StackedXYAreaRenderer2();
    java.awt.Color[] colours = {ChartStyle.GREEN, ChartStyle.SKY_BLUE, ChartStyle.BLUE, ChartStyle.PURPLE,
        ChartStyle.ORANGE, ChartStyle.YELLOW, ChartStyle.LIGHT_GREY, ChartStyle.GREY};
    for (int i = 0; i < colours.length; i++) {
      area.setSeriesPaint(i, colours[i]);
    }
    NumberAxis x = new NumberAxis("31 July of the year");
    ChartStyle.years(x);
    NumberAxis y = new NumberAxis("looked after children (%)");
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
    y.setRange(0, 1);
    XYPlot plot = new XYPlot(data, x, y, area);
    if (snapshots.stream().anyMatch(s -> s.scotlandKinship() != null)) {
      XYSeries scotland = new XYSeries("Scotland: kinship care");
      for (Snapshot snapshot : snapshots) {
        if (snapshot.scotlandKinship() != null) {
          scotland.add(snapshot.year(), snapshot.scotlandKinship());
        }
      }
      XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
      line.setDrawSeriesLineAsPath(true);
      line.setSeriesPaint(0, ChartStyle.BLACK);
      line.setSeriesStroke(0, ChartStyle.DASHED);
      plot.setDataset(1, new XYSeriesCollection(scotland));
      plot.setRenderer(1, line);
      plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    }
    return ChartStyle.finish(new JFreeChart(title, plot), subtitle, footnote);
  }
}
