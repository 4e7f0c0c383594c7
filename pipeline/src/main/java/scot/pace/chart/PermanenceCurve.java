package scot.pace.chart;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The share of a cohort reaching legal permanence over years since entry: the cumulative
 * incidence of permanence with leaving care competing, drawn as steps, with its 95% band when asked.
 */
public final class PermanenceCurve {
  /** One step of the curve: the share reached just after {@code days}, with its interval (NaN: none). */
  public record Step(int days, double reached, double lower, double upper) {}

  /** A labelled curve. */
  public record Curve(String label, List<Step> steps) {}

  private PermanenceCurve() {}

  public static JFreeChart draw(String title, String subtitle, String footnote, List<Curve> curves, boolean bands) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Curve curve : curves) {
      YIntervalSeries series = new YIntervalSeries(curve.label(), false, true);
      double reached = 0;
      double low = 0;
      double high = 0;
      series.add(0, 0, 0, 0);
      for (Step step : curve.steps()) {
        double years = step.days() / 365.25;
        series.add(years, reached, low, high);
        reached = step.reached();
        low = Double.isNaN(step.lower()) ? reached : step.lower();
        high = Double.isNaN(step.upper()) ? reached : step.upper();
        series.add(years, reached, low, high);
      }
      data.addSeries(series);
    }
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setAlpha(bands ? 0.18f : 0f);
    for (int i = 0; i < curves.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.series(i));
      renderer.setSeriesFillPaint(i, ChartStyle.series(i));
      renderer.setSeriesStroke(i, ChartStyle.LINE);
    }
    NumberAxis x = new NumberAxis("years since entering the cohort");
    x.setRange(0, 8);
    NumberAxis y = new NumberAxis("reached legal permanence (%)");
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
    y.setRange(0, 1);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return ChartStyle.finish(new JFreeChart(title, plot), subtitle, footnote);
  }
}
