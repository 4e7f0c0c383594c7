package scot.pace.chart;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Children still waiting for a permanence recommendation at the snapshot: one bar per child,
 * longest wait first, its height the weeks waited, coloured by its placement type, with the
 * council's aim as a line. Child-level: for the council's restricted report only.
 */
public final class StillWaitingBars {
  /** One child waiting. */
  public record Child(double weeks, String placement) {}

  private StillWaitingBars() {}

  public static JFreeChart draw(String title, String subtitle, String footnote, List<Child> children, int aimWeeks) {
    // Equal waits in placement order, so that the same children draw the same chart whatever order they come in.
    List<Child> sorted = children.stream().sorted(Comparator.comparingDouble(Child::weeks).reversed()
        .thenComparing(Child::placement, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    // The commonest placements first, so that they get the palette's most distinct colours (blue and
    // orange, which no colour vision confuses) and the rarest the hatched ones.
    java.util.Map<String, Long> counts = sorted.stream().collect(java.util.stream.Collectors.groupingBy(
        c -> ChartStyle.placement(c.placement()), java.util.stream.Collectors.counting()));
    Set<String> placements = new LinkedHashSet<>();
    counts.keySet().stream().sorted(Comparator.comparing((String p) -> -counts.get(p)).thenComparing(p -> p))
        .forEach(placements::add);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < sorted.size(); i++) {
      String placement = ChartStyle.placement(sorted.get(i).placement());
      for (String type : placements) {
        data.addValue(type.equals(placement) ? sorted.get(i).weeks() : 0, type, Integer.valueOf(i + 1));
      }
    }
    StackedBarRenderer renderer = new StackedBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0);
    for (int i = 0; i < placements.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.distinctSeries(i));
    }
    CategoryAxis x = new CategoryAxis("children, longest wait first (" + sorted.size() + ")");
    x.setTickLabelsVisible(false);
    x.setTickMarksVisible(false);
    x.setCategoryMargin(0.1);
    x.setLowerMargin(0.01);
    x.setUpperMargin(0.01);
    NumberAxis y = new NumberAxis("weeks since first accommodated, at the snapshot");
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.addRangeMarker(ChartStyle.marker(aimWeeks, ChartStyle.GREEN, ChartStyle.DASHED, "aim: " + aimWeeks + " weeks",
        org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT, org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT));
    return ChartStyle.finish(new JFreeChart(title, plot), subtitle, footnote);
  }
}
