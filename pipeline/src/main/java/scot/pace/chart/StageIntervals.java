package scot.pace.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The median days of each stage after a recommendation (recommendation to panel, panel to agency
 * decision, decision to lodging, lodging to order) by the collection year in which it was
 * completed, with the statutory 14 days for the agency decision as a line. A median of fewer
 * than 5 children is left out.
 */
public final class StageIntervals {
  public static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("REC_TO_PANEL", "recommendation to panel");
    LABELS.put("PANEL_TO_ADM", "panel to agency decision");
    LABELS.put("ADM_TO_LODGED", "decision to lodging in court");
    LABELS.put("LODGED_TO_GRANTED", "lodging to order granted");
  }

  /** One stage's median in one year; {@code null} when suppressed. */
  public record Median(String stage, int year, Double days) {}

  private StageIntervals() {}

  public static JFreeChart draw(String title, String subtitle, String footnote, List<Median> medians) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, String> stage : LABELS.entrySet()) {
      XYSeries series = new XYSeries(stage.getValue());
      for (Median median : medians) {
        if (median.stage().equals(stage.getKey()) && median.days() != null) {
          series.add(median.year(), median.days());
        }
      }
      data.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < LABELS.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.series(i));
      renderer.setSeriesStroke(i, ChartStyle.LINE);
    }
    NumberAxis x = new NumberAxis("collection year in which the stage was completed");
    ChartStyle.years(x);
    NumberAxis y = new NumberAxis("median days");
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.addRangeMarker(ChartStyle.marker(14, ChartStyle.VERMILLION, ChartStyle.DASHED,
        "14 days: panel to agency decision", org.jfree.chart.ui.RectangleAnchor.TOP_LEFT,
        org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT));
    return ChartStyle.finish(new JFreeChart(title, plot), subtitle, footnote);
  }
}
