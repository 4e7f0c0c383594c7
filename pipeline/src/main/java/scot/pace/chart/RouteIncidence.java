package scot.pace.chart;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Routes to permanence: the Aalen-Johansen cumulative incidence of each route, of leaving care
 * without permanence, and the share still waiting, stacked to 100% at 1, 2, 4 and 6 years.
 * Outcomes suppressed for disclosure are drawn together in grey as {@code [c]}.
 */
public final class RouteIncidence {
  /** The outcomes in the order they stack, with their labels. */
  public static final List<String[]> OUTCOMES = List.of(
      new String[] {"HOME", "home"}, new String[] {"KCO", "kinship care order"},
      new String[] {"PO", "permanence order"}, new String[] {"POA", "permanence order with authority to adopt"},
      new String[] {"ADOPTION", "adoption"}, new String[] {"LEFT_CARE", "left care without permanence"},
      new String[] {"STILL_WAITING", "still waiting"});

  /** One outcome's share at {@code years}; {@code publishable} false puts it in the grey band. */
  public record Share(int years, String outcome, double share, boolean publishable) {}

  private RouteIncidence() {}

  public static JFreeChart draw(String title, String subtitle, String footnote, List<Share> shares) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Integer> years = shares.stream().map(Share::years).distinct().sorted().toList();
    String suppressed = "[c] suppressed: fewer than 5 children each";
    for (String[] outcome : OUTCOMES) {
      for (int year : years) {
        Share share = shares.stream().filter(s -> s.years() == year && s.outcome().equals(outcome[0])).findFirst()
            .orElse(null);
        data.addValue(share != null && share.publishable() ? share.share() : 0, outcome[1], label(year));
      }
    }
    boolean anySuppressed = shares.stream().anyMatch(s -> !s.publishable());
    if (anySuppressed) {
      for (int year : years) {
        double hidden = shares.stream().filter(s -> s.years() == year && !s.publishable()).mapToDouble(Share::share).sum();
        data.addValue(hidden, suppressed, label(year));
      }
    }
    StackedBarRenderer renderer = new StackedBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    java.awt.Color[] colours = {ChartStyle.SKY_BLUE, ChartStyle.GREEN, ChartStyle.BLUE, ChartStyle.PURPLE, ChartStyle.ORANGE,
        ChartStyle.VERMILLION, ChartStyle.YELLOW, ChartStyle.GREY};
    for (int i = 0; i < colours.length; i++) {
      renderer.setSeriesPaint(i, colours[i]);
    }
    NumberAxis y = new NumberAxis("children in the cohort (%)");
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
    y.setRange(0, 1);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("time since entering the cohort"), y, renderer);
    return ChartStyle.finish(new JFreeChart(title, plot), subtitle, footnote);
  }

  private static String label(int years) {
    return years == 1 ? "1 year" : years + " years";
  }
}
