package scot.pace.export;

import static scot.pace.export.CouncilGrid.longForm;
import static scot.pace.export.CouncilGrid.wide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scot.pace.build.LakeBuild;
import scot.pace.export.Disclosure.Based;
import scot.pace.export.Disclosure.Count;
import scot.pace.export.Disclosure.Estimate;
import scot.pace.export.Disclosure.Share;
import scot.pace.measure.Aim1;
import scot.pace.measure.Aim2;
import scot.pace.measure.CouncilComparison;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.ScraReplication;
import scot.pace.measure.TimeToPermanence;

/**
 * Every gold table that is published as an extract, with its disclosure rules. The child-level
 * tables ({@code gold_run_chart_points}, {@code gold_still_waiting}) are not among them. Breakdowns
 * by age band stay in the lake: the published rows are all ages, so that councils and Scotland
 * are the only dimension that adds up, and {@link CouncilGrid} protects it.
 */
final class PublishedTables {
  private PublishedTables() {}

  static final String ALL_AGES = "age_band = 'all'";

  static List<PublishedTable> all() {
    return List.of(timeToPermanence(), curves(), routes(), kinshipShare(), kinshipPermanence(), aim1(), aim2(),
        laterStages(), runChartMonths(), runChartPhases(), comparison(), funnelLimits(), councils(), scra());
  }

  private static PublishedTable timeToPermanence() {
    return new PublishedTable(TimeToPermanence.SUMMARY, ALL_AGES, List.of("population", "cohort_year"), List.of(),
        List.of(wide("children", parts("events", "competing", "censored")),
            wide("naive_followed_2y", parts("naive_followed_2y")), wide("naive_followed_4y", parts("naive_followed_4y")),
            wide("naive_reached", parts("naive_reached"))),
        List.of(new Count("children"), new Based("children", List.of("median_days",
                "median_lower_days", "median_upper_days")),
            new Estimate("within_2y", "children", List.of("within_2y_se", "within_2y_lower", "within_2y_upper")),
            new Estimate("left_care_2y", "children", List.of()),
            new Estimate("still_waiting_2y", "children", List.of()),
            new Estimate("within_4y", "children", List.of("within_4y_se", "within_4y_lower", "within_4y_upper")),
            new Estimate("left_care_4y", "children", List.of()),
            new Estimate("still_waiting_4y", "children", List.of()),
            new Estimate("naive_within_2y", "naive_followed_2y", List.of()),
            new Estimate("naive_over_4y", "naive_followed_4y", List.of()),
            new Based("naive_reached", List.of("naive_mean_years"))),
        // The cause-specific Kaplan-Meier figures stay in the lake for researchers: never published. The
        // re-entries are not protected across councils, so they stay there too.
        List.of("later_spells", "cause_specific_within_2y", "cause_specific_within_4y", "cause_specific_median_days"));
  }

  /** The curve where enough children are still followed; the per-day counts stay in the lake. */
  private static PublishedTable curves() {
    return new PublishedTable(TimeToPermanence.CURVES, ALL_AGES, List.of("population", "cohort_year"), List.of("days"),
        List.of(), List.of(new Based("at_risk", List.of("within", "within_se", "lower", "upper", "left_care",
            "still_waiting", "home", "kco", "po", "poa", "adoption"))),
        List.of("at_risk", "events", "competing", "censored"));
  }

  private static PublishedTable routes() {
    return new PublishedTable(TimeToPermanence.ROUTES, ALL_AGES, List.of("population", "cohort_year", "years"),
        List.of("outcome"), List.of(longForm("outcome", "children", List.of("share"))), List.of(), List.of());
  }

  private static PublishedTable kinshipShare() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String group : List.of("at_home", "kinship", "foster", "adopters", "residential", "other_community",
        "no_placement")) {
      groups.put(group, group.equals("kinship") ? List.of("kinship_share", "kinship_lower", "kinship_upper")
          : List.of(group + "_share"));
    }
    return new PublishedTable(KinshipShare.TABLE, null, List.of("collection_year"), List.of(),
        List.of(wide("looked_after", groups)), List.of(new Count("looked_after")), List.of());
  }

  private static PublishedTable kinshipPermanence() {
    return new PublishedTable(KinshipShare.PERMANENCE_TABLE, null, List.of("population", "cohort_year"), List.of(),
        List.of(wide("permanence_reached", parts("permanence_reached")), wide("through_kinship", parts("through_kinship"))),
        List.of(new Count("permanence_reached"), new Count("through_kinship"), new Share("through_kinship",
            "permanence_reached", List.of("kinship_route_share", "kinship_route_lower", "kinship_route_upper"))),
        List.of());
  }

  private static PublishedTable aim1() {
    return new PublishedTable(Aim1.TABLE, null, List.of("cohort_year"), List.of(),
        List.of(wide("orders", parts("orders")), wide("followed_2y", parts("followed_2y")),
            wide("still_on_2y", parts("still_on_2y")), wide("rec_by_2y", parts("rec_by_2y"))),
        List.of(new Count("orders"), new Count("followed_2y"), new Count("still_on_2y"), new Count("rec_by_2y"),
            new Share("still_on_2y", "followed_2y", List.of("still_on_2y_share")),
            new Share("rec_by_2y", "still_on_2y", List.of("rec_by_2y_share")),
            new Estimate("km_still_on_2y", "orders", List.of("km_still_on_2y_lower", "km_still_on_2y_upper"))),
        List.of());
  }

  private static PublishedTable aim2() {
    return new PublishedTable(Aim2.TABLE, null, List.of("cohort_year"), List.of(),
        List.of(wide("children", parts("children")), wide("recommended", parts("recommended"))),
        List.of(new Count("children"), new Count("recommended"),
            new Share("recommended", "children", List.of()),
            new Based("children", List.of("median_weeks")),
            new Estimate("within_26w", "children", List.of("within_26w_se", "within_26w_lower", "within_26w_upper")),
            new Estimate("within_aim", "children", List.of())),
        List.of());
  }

  private static PublishedTable laterStages() {
    return new PublishedTable(LaterStages.TABLE, null, List.of("stage", "year"), List.of(),
        List.of(wide("children", parts("children"))),
        List.of(new Count("children"), new Based("children", List.of("q1_days", "median_days", "q3_days", "mean_days")),
            new Estimate("within_target", "children", List.of())),
        List.of());
  }

  private static PublishedTable runChartMonths() {
    return new PublishedTable(RunChart.MONTHS, null, List.of("measure", "month", "phase"), List.of(),
        List.of(), List.of(new Count("points"), new Based("points", List.of("median_weeks"))), List.of());
  }

  private static PublishedTable runChartPhases() {
    return new PublishedTable(RunChart.PHASES, null, List.of("measure", "phase", "against"), List.of(),
        List.of(), List.of(new Count("points"), new Count("useful_points"),
            new Based("points", List.of("median_weeks", "phase_start", "phase_end"))),
        List.of());
  }

  private static PublishedTable comparison() {
    List<String> figures = List.of("proportion", "wilson_lower", "wilson_upper", "z_score", "flag_95", "flag_998",
        "flag_95_adjusted", "flag_998_adjusted", "rank", "rank_lower", "rank_upper");
    return new PublishedTable(CouncilComparison.TABLE, null, List.of("measure", "year"), List.of(),
        List.of(wide("numerator", parts("numerator")), wide("denominator", parts("denominator"))),
        List.of(new Count("numerator"), new Count("denominator"), new Share("numerator", "denominator", figures)),
        List.of());
  }

  private static PublishedTable funnelLimits() {
    return new PublishedTable(CouncilComparison.LIMITS_TABLE, null, List.of("measure", "year"), List.of("n"),
        List.of(), List.of(), List.of());
  }

  private static PublishedTable councils() {
    return new PublishedTable(LakeBuild.COUNCILS, null, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private static PublishedTable scra() {
    return new PublishedTable(ScraReplication.TABLE, null, List.of("run_id"), List.of("measure"), List.of(),
        List.of(new Count("naive_children"), new Count("estimate_children"),
            new Estimate("naive", "naive_children", List.of()), new Estimate("estimate", "estimate_children",
                List.of())),
        List.of());
  }

  private static Map<String, List<String>> parts(String... columns) {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    for (String column : columns) {
      parts.put(column, List.of());
    }
    return parts;
  }
}
