package scot.pace.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Shares across the years, one panel per measure stacked on a shared axis of years: each line a
 * council, Scotland or a group of councils, its 95% interval as a pale band where it has one. A
 * withheld share is a gap in its line.
 */
public final class ShareTrends {
  /** One year's share, null when withheld; its interval, null when it has none. */
  public record Year(int year, Double share, Double lower, Double upper) {}

  /** A line and how it is drawn; {@code legend} null keeps it out of the key (one of many alike). */
  public record Line(String legend, List<Year> years, Paint colour, Stroke stroke, boolean band) {}

  /** One measure's panel. */
  public record Panel(String title, List<Line> lines) {}

  public static final int HEIGHT = 1300;

  private ShareTrends() {}

  public static JFreeChart draw(String title, String subtitle, String footnote, String yearsLabel, List<Panel> panels) {
    NumberAxis years = new NumberAxis(yearsLabel);
    ChartStyle.years(years);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(years);
    combined.setGap(14);
    LegendItemCollection legend = new LegendItemCollection();
    java.util.Set<String> named = new java.util.HashSet<>();
    for (Panel panel : panels) {
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      DeviationRenderer renderer = new DeviationRenderer(true, true);
      renderer.setAlpha(0.18f);
      int index = 0;
      for (Line line : panel.lines()) {
        // A withheld year breaks the line: each stretch of published years is a series of its own.
        YIntervalSeries series = null;
        for (Year year : line.years()) {
          if (year.share() == null) {
            series = null;
            continue;
          }
          if (series == null) {
            series = new YIntervalSeries("line " + index, false, true);
            data.addSeries(series);
            renderer.setSeriesPaint(index, line.colour());
            renderer.setSeriesFillPaint(index, line.colour());
            renderer.setSeriesStroke(index, line.stroke());
            renderer.setSeriesShape(index, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            index++;
          }
          boolean band = line.band() && year.lower() != null && year.upper() != null;
          series.add(year.year(), year.share(), band ? year.lower() : year.share(), band ? year.upper() : year.share());
        }
        if (line.legend() != null && named.add(line.legend())) {
          legend.add(new LegendItem(line.legend(), null, null, null, new java.awt.geom.Line2D.Double(-10, 0, 10, 0),
              line.stroke(), line.colour()));
        }
      }
      NumberAxis share = new NumberAxis(null);
      share.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
      share.setAutoRangeIncludesZero(true);
      share.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
      XYPlot plot = new XYPlot(data, null, share, renderer);
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(ChartStyle.LIGHT_GREY);
      plot.setRangeGridlinePaint(ChartStyle.LIGHT_GREY);
      plot.setOutlineVisible(false);
      // The measure named inside its panel, top left: five axis labels would not fit beside the axes.
      TextTitle name = new TextTitle(panel.title(), new Font(ChartStyle.FONT, Font.BOLD, 14));
      name.setBackgroundPaint(new Color(255, 255, 255, 200));
      plot.addAnnotation(new XYTitleAnnotation(0.01, 0.99, name, RectangleAnchor.TOP_LEFT));
      combined.add(plot, 1);
    }
    combined.setFixedLegendItems(legend);
    JFreeChart chart = ChartStyle.finish(new JFreeChart(title, combined), subtitle, footnote);
    chart.getTitle().setFont(new Font(ChartStyle.FONT, Font.BOLD, 22));
    return chart;
  }

  /** A group's line among many thin ones. */
  public static Stroke thick() {
    return new BasicStroke(4f);
  }

  /** One of many councils' lines, thin. */
  public static Stroke thin() {
    return new BasicStroke(1f);
  }
}
