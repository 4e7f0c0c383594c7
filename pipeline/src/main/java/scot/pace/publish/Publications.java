package scot.pace.publish;

import static scot.pace.publish.CouncilGrid.longForm;
import static scot.pace.publish.CouncilGrid.wide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.publish.Disclosure.Based;
import scot.pace.publish.Disclosure.Count;
import scot.pace.publish.Disclosure.Estimate;
import scot.pace.publish.Disclosure.Share;
import scot.pace.measure.Aim1;
import scot.pace.measure.Aim2;
import scot.pace.measure.CouncilComparison;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.ScraReplication;
import scot.pace.measure.TimeToPermanence;

/**
 * How each published gold table is protected: its rows, its disclosure rules, what stays in the
 * lake. The catalogue ({@code OutputCatalogue}) attaches each to its table; nothing else lists
 * them. The child-level tables ({@code gold_run_chart_points}, {@code gold_still_waiting}) are
 * never published. Breakdowns by age band stay in the lake: the published rows are all ages, so
 * that councils and Scotland are the only dimension that adds up across a table, with time (the
 * quarter years of a curve, the months of a run chart) where counts run on.
 *
 * <p>The curves are published only at quarter years ({@link TimeToPermanence#POINTS}), with the
 * counts behind them protected across councils and along time; the per-day curves, the yearly
 * routes and the 2- and 4-year figures of the summary are the same cells, so they stay in the lake
 * and every page reads them from the points.
 */
public final class Publications {
  private Publications() {}

  static final String ALL_AGES = "age_band = 'all'";
  private static final List<String> COHORT = List.of("population", "council", "cohort_year", "age_band");

  public static PublishedTable timeToPermanence() {
    Map<String, List<String>> within2y = new LinkedHashMap<>();
    within2y.put("naive_within_2y_children", List.of("naive_within_2y"));
    within2y.put("naive_not_within_2y_children", List.of());
    Map<String, List<String>> over4y = new LinkedHashMap<>();
    over4y.put("naive_over_4y_children", List.of("naive_over_4y"));
    over4y.put("naive_not_over_4y_children", List.of());
    return new PublishedTable(TimeToPermanence.SUMMARY, ALL_AGES, List.of("population", "cohort_year"), List.of(),
        List.of(wide("children", parts("children")), wide("naive_followed_2y", within2y),
            wide("naive_followed_4y", over4y)),
        List.of(new Count("children"), new Based("children", List.of("median_days",
                "median_lower_days", "median_upper_days")),
            new Estimate("naive_within_2y", "naive_followed_2y", List.of()),
            new Estimate("naive_over_4y", "naive_followed_4y", List.of()),
            new Based("naive_reached", List.of("naive_mean_years"))),
        // The counts at the end of follow-up and the 2- and 4-year figures are the points' cells, published
        // there; the cause-specific Kaplan-Meier figures and the re-entries are for researchers in the lake.
        List.of("later_spells", "events", "competing", "censored", "within_2y", "within_2y_se", "within_2y_lower",
            "within_2y_upper", "within_2y_interval", "left_care_2y", "still_waiting_2y", "within_4y", "within_4y_se",
            "within_4y_lower", "within_4y_upper", "within_4y_interval", "left_care_4y", "still_waiting_4y",
            "naive_reached", "cause_specific_within_2y", "cause_specific_within_4y", "cause_specific_median_days"),
        Publications::naiveCounts);
  }

  /** The children behind the naive shares, so that they are protected across councils as counts. */
  private static Map<String, Object> naiveCounts(Map<String, Object> row) {
    for (String[] naive : new String[][] {{"naive_within_2y", "naive_followed_2y"}, {"naive_over_4y", "naive_followed_4y"}}) {
      Object share = row.get(naive[0]);
      long followed = GroupRule.count(row, naive[1]);
      long count = share == null ? 0 : Math.round(((Number) share).doubleValue() * followed);
      String counted = naive[0] + "_children";
      row.put(counted, count);
      row.put(counted.replace("naive_", "naive_not_"), followed - count);
    }
    return row;
  }

  /**
   * The curves at quarter years. The four counts of a point (legal permanence, left care, still
   * waiting, censored) add up to the cohort, and at the route years the five routes add up to legal
   * permanence: protected across the councils at each point (Scotland their total), along each
   * council's curve (no two published points differ by a small count, nor do two published shares
   * stand for one), each with the share it stands behind; the shares add up to one, so the withheld
   * ones never stand alone or together for a small count; and a curve whose cohort size is withheld
   * is withheld whole.
   */
  public static PublishedTable points() {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    Map<String, String> shares = new LinkedHashMap<>();
    List<String> counts = new ArrayList<>();
    for (String[] part : TimeToPermanence.POINT_PARTS) {
      List<String> dependents = part[1] == null ? List.of()
          : part[1].equals("within") ? List.of("within", "within_se", "within_lower", "within_upper") : List.of(part[1]);
      parts.put(part[0], dependents);
      counts.add(part[0]);
      if (part[1] != null) {
        shares.put(part[1], part[0]);
      }
    }
    Map<String, List<String>> routes = new LinkedHashMap<>();
    List<String> routeShares = new ArrayList<>();
    for (String[] route : TimeToPermanence.ROUTE_PARTS) {
      routes.put(route[0], List.of(route[1]));
      routeShares.add(route[1]);
    }
    List<String> everything = new ArrayList<>(List.of("within_se", "within_lower", "within_upper"));
    everything.addAll(shares.keySet());
    everything.addAll(counts);
    everything.addAll(routes.keySet());
    everything.addAll(routeShares);
    List<String> allShares = new ArrayList<>(shares.keySet());
    allShares.addAll(routeShares);
    return new PublishedTable(TimeToPermanence.POINTS, ALL_AGES, List.of("population", "cohort_year"), List.of("days"),
        List.of(new Follows(TimeToPermanence.SUMMARY, COHORT, null, List.of("children"), everything),
            new Each("days", wide(null, parts)),
            new Each("days", wide("events_children", routes)),
            new Series(List.of("council"), "days", counts, Set.of("waiting_children"), parts),
            new Series(List.of("council"), "days", new ArrayList<>(routes.keySet()), Set.of(), routes),
            new ShareSeries(List.of("council"), "days", allShares, Set.of("still_waiting"), counts,
                Map.of("within", parts.get("events_children"))),
            new Complete(shares, counts)),
        List.of(), List.of(), null);
  }

  public static PublishedTable kinshipShare() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String group : List.of("at_home", "kinship", "foster", "adopters", "residential", "other_community",
        "no_placement")) {
      groups.put(group, group.equals("kinship") ? List.of("kinship_share", "kinship_lower", "kinship_upper")
          : List.of(group + "_share"));
    }
    return new PublishedTable(KinshipShare.TABLE, null, List.of("collection_year"), List.of(),
        List.of(wide("looked_after", groups)), List.of(new Count("looked_after")), List.of(), null);
  }

  /**
   * Children who reached legal permanence: the count at the end of the curve, so withheld where the
   * curve's last point withholds it.
   */
  public static PublishedTable kinshipPermanence() {
    return new PublishedTable(KinshipShare.PERMANENCE_TABLE, null, List.of("population", "cohort_year"), List.of(),
        List.of(new Follows(TimeToPermanence.POINTS, List.of("population", "council", "cohort_year"), "days",
                List.of("events_children"), List.of("permanence_reached")),
            wide("permanence_reached", parts("permanence_reached")), wide("through_kinship", parts("through_kinship"))),
        List.of(new Count("permanence_reached"), new Count("through_kinship"), new Share("through_kinship",
            "permanence_reached", List.of("kinship_route_share", "kinship_route_lower", "kinship_route_upper"))),
        List.of(), null);
  }

  public static PublishedTable aim1() {
    return new PublishedTable(Aim1.TABLE, null, List.of("cohort_year"), List.of(),
        List.of(wide("orders", parts("orders")), wide("followed_2y", parts("followed_2y")),
            wide("still_on_2y", parts("still_on_2y")), wide("rec_by_2y", parts("rec_by_2y"))),
        List.of(new Count("orders"), new Count("followed_2y"), new Count("still_on_2y"), new Count("rec_by_2y"),
            new Share("still_on_2y", "followed_2y", List.of("still_on_2y_share")),
            new Share("rec_by_2y", "still_on_2y", List.of("rec_by_2y_share")),
            new Estimate("km_still_on_2y", "orders", List.of("km_still_on_2y_lower", "km_still_on_2y_upper"))),
        List.of(), null);
  }

  public static PublishedTable aim2() {
    return new PublishedTable(Aim2.TABLE, null, List.of("cohort_year"), List.of(),
        List.of(wide("children", parts("children")), wide("recommended", parts("recommended"))),
        List.of(new Count("children"), new Count("recommended"),
            new Share("recommended", "children", List.of()),
            new Based("children", List.of("median_weeks")),
            new Estimate("within_26w", "children", List.of("within_26w_se", "within_26w_lower", "within_26w_upper")),
            new Estimate("within_aim", "children", List.of())),
        List.of(), null);
  }

  public static PublishedTable laterStages() {
    return new PublishedTable(LaterStages.TABLE, null, List.of("stage", "year"), List.of(),
        List.of(wide("children", parts("children"))),
        List.of(new Count("children"), new Based("children", List.of("q1_days", "median_days", "q3_days", "mean_days")),
            new Estimate("within_target", "children", List.of())),
        List.of(), null);
  }

  /**
   * Points per council and month: a council's months add up to its phase (published in the phases
   * table), and the councils to each month, so they are protected as one grid per measure and phase.
   */
  public static PublishedTable runChartMonths() {
    return new PublishedTable(RunChart.MONTHS, null, List.of("measure", "phase"), List.of("month"),
        List.of(longForm("month", "points", List.of("median_weeks"))),
        List.of(new Count("points"), new Based("points", List.of("median_weeks"))), List.of(), null);
  }

  public static PublishedTable runChartPhases() {
    return new PublishedTable(RunChart.PHASES, null, List.of("measure", "phase", "against"), List.of(),
        List.of(), List.of(new Count("children"),
            // Each month holds a child at least, so the months and what follows from them bound the children.
            new Based("children", List.of("months", "median_weeks", "phase_start", "phase_end", "useful_points",
                "longest_run", "run_limit", "crossings", "crossing_limit"))),
        List.of(), null);
  }

  /**
   * A council's share with what would give back its withheld count: the funnel limits at its own
   * size equal the limits table's row for that size, so they go with the size.
   */
  public static PublishedTable comparison() {
    List<String> figures = List.of("proportion", "wilson_lower", "wilson_upper", "z_score", "flag_95", "flag_998",
        "flag_95_adjusted", "flag_998_adjusted", "rank", "rank_lower", "rank_upper");
    Map<String, List<String>> size = new LinkedHashMap<>();
    size.put("denominator", LIMITS);
    List<String> pooled = new ArrayList<>(List.of("p0", "z_score", "flag_95", "flag_998", "flag_95_adjusted",
        "flag_998_adjusted", "phi", "tau2"));
    pooled.addAll(LIMITS);
    return new PublishedTable(CouncilComparison.TABLE, null, List.of("measure", "year"), List.of(),
        List.of(new Pooled("numerator", "denominator", pooled), wide("numerator", parts("numerator")),
            wide("denominator", size)),
        List.of(new Count("numerator"), new Count("denominator"), new Share("numerator", "denominator", figures)),
        List.of(), null);
  }

  private static final List<String> LIMITS = List.of("lower_95", "upper_95", "lower_998", "upper_998", "od_lower_95",
      "od_upper_95", "od_lower_998", "od_upper_998");

  /** The funnel limits around p0: withheld with the comparison's p0 (they would give it back). */
  public static PublishedTable funnelLimits() {
    List<String> figures = new ArrayList<>(List.of("p0"));
    figures.addAll(LIMITS);
    return new PublishedTable(CouncilComparison.LIMITS_TABLE, null, List.of("measure", "year"), List.of("n"),
        List.of(new Follows(CouncilComparison.TABLE, List.of("measure", "year"), null, List.of("p0"), figures)),
        List.of(), List.of(), null);
  }

  public static PublishedTable councils() {
    return new PublishedTable(OutputCatalogue.COUNCILS, null, List.of(), List.of(), List.of(), List.of(), List.of(),
        null);
  }

  public static PublishedTable scra() {
    return new PublishedTable(ScraReplication.TABLE, null, List.of("run_id"), List.of("measure"), List.of(),
        List.of(new Count("naive_children"), new Count("estimate_children"),
            new Estimate("naive", "naive_children", List.of()), new Estimate("estimate", "estimate_children",
                List.of())),
        List.of(), null);
  }

  private static Map<String, List<String>> parts(String... columns) {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    for (String column : columns) {
      parts.put(column, List.of());
    }
    return parts;
  }
}
