package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scot.pace.stats.AalenJohansen;
import scot.pace.stats.Interval;
import scot.pace.stats.KaplanMeier;
import scot.pace.stats.Outcome;
import scot.pace.stats.ShareEstimate;

/**
 * Time to legal permanence per population, council (and Scotland), cohort year and age band (and
 * all ages), counting spells. Leaving care without permanence competes with permanence: a child
 * who left can no longer reach it in that spell. Spark groups the spells; the estimators in
 * {@code scot.pace.stats} do the rest:
 *
 * <ul>
 *   <li>{@code gold_time_to_permanence}: the Aalen-Johansen cumulative incidence of permanence
 *       (any route) at 2 and 4 years with R's multi-state standard error and log-log interval (or
 *       the exact binomial interval, or none; {@link ShareEstimate}), the share who left care and
 *       the share still waiting beside it (the three add to 1), the median (the first time the
 *       incidence reaches 0.5) with its interval, the counts, the cause-specific Kaplan-Meier
 *       figures for researchers (named {@code cause_specific_}), and the naive SCRA-style figures;
 *   <li>{@code gold_permanence_curves}: the incidence curves (all ages), permanence with its
 *       interval, each route, leaving care and still waiting, at every time;
 *   <li>{@code gold_permanence_routes}: the incidence per route and for leaving care without
 *       permanence, and the share still waiting, at 1, 2, 4 and 6 years.
 * </ul>
 *
 * A figure at a time beyond the cohort's longest follow-up is left empty, not carried forward.
 */
public final class TimeToPermanence {
  public static final String SUMMARY = "gold_time_to_permanence";
  public static final String CURVES = "gold_permanence_curves";
  public static final String ROUTES = "gold_permanence_routes";
  /** The curve at every quarter year, with the children behind each figure: what is published of the curves. */
  public static final String POINTS = "gold_permanence_points";

  static final int TWO_YEARS = 730;
  static final int FOUR_YEARS = 1461;
  static final int[] ROUTE_YEARS = {1, 2, 4, 6};
  private static final double CONFIDENCE = 0.95;
  /** Causes of the two-outcome fit behind the headline: permanence by any route, and leaving care. */
  static final int PERMANENCE = 1;
  static final int LEFT_CARE = 2;

  private TimeToPermanence() {}

  public static final String WITHIN_2Y = "permanence_within_2y";
  public static final String WITHIN_4Y = "permanence_within_4y";

  /**
   * For {@link CouncilComparison}: among spells first accommodated (the SCRA and PACE
   * population) in each council and cohort year in which every spell could be followed 2 (4)
   * years, {@code numerator} those that reached legal permanence within 730 (1,461) days and
   * {@code denominator} all of them. With full follow-up this plain share is the Aalen-Johansen
   * cumulative incidence published in {@code gold_time_to_permanence}: a child who left care
   * first counts as not reaching permanence.
   *
   * @param outcomes from {@link CohortOutcomes#of}
   */
  public static Dataset<Row> proportions(Dataset<Row> outcomes) {
    Dataset<Row> accommodated = outcomes.where(col("population").equalTo(Population.ACCOMMODATED.label()));
    Dataset<Row> all = null;
    for (Object[] window : new Object[][] {{WITHIN_2Y, TWO_YEARS}, {WITHIN_4Y, FOUR_YEARS}}) {
      int days = (Integer) window[1];
      Dataset<Row> rows = accommodated.groupBy("council", "cohort_year")
          .agg(count(lit(1)).as("denominator"),
              sum(expr("IF(cause BETWEEN 1 AND 5 AND days <= " + days + ", 1, 0)")).cast("long").as("numerator"),
              min("followable_days").as("followable"))
          .where(col("followable").geq(days))
          .select(lit(window[0]).as("measure"), col("council"), col("cohort_year").as("year"), col("numerator"),
              col("denominator"));
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  private static final List<StructField> GROUP =
      List.of(
          DataTypes.createStructField("population", DataTypes.StringType, false),
          DataTypes.createStructField("council", DataTypes.StringType, false),
          DataTypes.createStructField("cohort_year", DataTypes.IntegerType, false),
          DataTypes.createStructField("age_band", DataTypes.StringType, true));

  public static final StructType SUMMARY_SCHEMA =
      schema(
          field("history_incomplete", DataTypes.BooleanType),
          field("children", DataTypes.LongType),
          field("later_spells", DataTypes.LongType),
          field("events", DataTypes.LongType),
          field("competing", DataTypes.LongType),
          field("censored", DataTypes.LongType),
          field("within_2y", DataTypes.DoubleType),
          field("within_2y_se", DataTypes.DoubleType),
          field("within_2y_lower", DataTypes.DoubleType),
          field("within_2y_upper", DataTypes.DoubleType),
          field("within_2y_interval", DataTypes.StringType),
          field("left_care_2y", DataTypes.DoubleType),
          field("still_waiting_2y", DataTypes.DoubleType),
          field("within_4y", DataTypes.DoubleType),
          field("within_4y_se", DataTypes.DoubleType),
          field("within_4y_lower", DataTypes.DoubleType),
          field("within_4y_upper", DataTypes.DoubleType),
          field("within_4y_interval", DataTypes.StringType),
          field("left_care_4y", DataTypes.DoubleType),
          field("still_waiting_4y", DataTypes.DoubleType),
          field("median_days", DataTypes.DoubleType),
          field("median_lower_days", DataTypes.DoubleType),
          field("median_upper_days", DataTypes.DoubleType),
          field("cause_specific_within_2y", DataTypes.DoubleType),
          field("cause_specific_within_4y", DataTypes.DoubleType),
          field("cause_specific_median_days", DataTypes.DoubleType),
          field("naive_followed_2y", DataTypes.LongType),
          field("naive_within_2y", DataTypes.DoubleType),
          field("naive_followed_4y", DataTypes.LongType),
          field("naive_over_4y", DataTypes.DoubleType),
          field("naive_reached", DataTypes.LongType),
          field("naive_mean_years", DataTypes.DoubleType));

  public static final StructType CURVE_SCHEMA =
      schema(
          field("days", DataTypes.IntegerType),
          field("within", DataTypes.DoubleType),
          field("within_se", DataTypes.DoubleType),
          field("lower", DataTypes.DoubleType),
          field("upper", DataTypes.DoubleType),
          field("left_care", DataTypes.DoubleType),
          field("still_waiting", DataTypes.DoubleType),
          field("home", DataTypes.DoubleType),
          field("kco", DataTypes.DoubleType),
          field("po", DataTypes.DoubleType),
          field("poa", DataTypes.DoubleType),
          field("adoption", DataTypes.DoubleType),
          field("at_risk", DataTypes.IntegerType),
          field("events", DataTypes.IntegerType),
          field("competing", DataTypes.IntegerType),
          field("censored", DataTypes.IntegerType));

  public static final StructType ROUTE_SCHEMA =
      schema(
          field("outcome", DataTypes.StringType),
          field("years", DataTypes.IntegerType),
          field("share", DataTypes.DoubleType),
          field("children", DataTypes.LongType));

  /**
   * The quarter years at which {@link #POINTS} gives the curve: day {@code floor(k × 365.25 / 4)}, so that
   * years 1, 2, 4 and 6 fall on days 365, 730, 1461 and 2191, the days of the 2- and 4-year figures.
   */
  public static int quarterDays(int quarter) {
    return (int) Math.floor(quarter * 365.25 / 4);
  }

  /**
   * The outcomes counted at each point, with the share each stands behind (null: none): legal
   * permanence by any route, leaving care, still waiting, censored. They add up to the cohort.
   */
  public static final List<String[]> POINT_PARTS = List.of(
      new String[] {"events_children", "within"}, new String[] {"left_care_children", "left_care"},
      new String[] {"waiting_children", "still_waiting"}, new String[] {"censored_children", null});

  /**
   * The routes counted at the route years only (1, 2, 4 and 6 years), with their shares: they add
   * up to {@code events_children}.
   */
  public static final List<String[]> ROUTE_PARTS = List.of(
      new String[] {"home_children", "home"}, new String[] {"kco_children", "kco"},
      new String[] {"po_children", "po"}, new String[] {"poa_children", "poa"},
      new String[] {"adoption_children", "adoption"});

  public static final StructType POINT_SCHEMA =
      schema(
          field("days", DataTypes.IntegerType),
          field("years", DataTypes.DoubleType),
          field("within", DataTypes.DoubleType),
          field("within_se", DataTypes.DoubleType),
          field("within_lower", DataTypes.DoubleType),
          field("within_upper", DataTypes.DoubleType),
          field("within_interval", DataTypes.StringType),
          field("left_care", DataTypes.DoubleType),
          field("still_waiting", DataTypes.DoubleType),
          field("home", DataTypes.DoubleType),
          field("kco", DataTypes.DoubleType),
          field("po", DataTypes.DoubleType),
          field("poa", DataTypes.DoubleType),
          field("adoption", DataTypes.DoubleType),
          field("events_children", DataTypes.LongType),
          field("left_care_children", DataTypes.LongType),
          field("waiting_children", DataTypes.LongType),
          field("censored_children", DataTypes.LongType),
          field("home_children", DataTypes.LongType),
          field("kco_children", DataTypes.LongType),
          field("po_children", DataTypes.LongType),
          field("poa_children", DataTypes.LongType),
          field("adoption_children", DataTypes.LongType));

  /**
   * The curves of all ages at every quarter year from the first to the first at or after the
   * longest follow-up any council's cohort of that year could have (from the start of the cohort
   * year to 31 July of {@code lastYear}), so that at every point Scotland's counts are the sum of
   * the councils', and the last point's counts are the cohort's final ones: legal permanence with
   * its interval as the 2- and 4-year figures give it, leaving care and still waiting (empty beyond
   * the group's longest follow-up, as there), and how many children had each outcome by then, were
   * still waiting, or had been censored; at the route years, each route too.
   */
  public static Dataset<Row> points(Dataset<Row> grouped, int lastYear) {
    return grouped.where(col("age_band").equalTo(CohortOutcomes.ALL_AGES))
        .flatMap((FlatMapFunction<Row, Row>) group -> pointRows(group, lastYear), Encoders.row(POINT_SCHEMA));
  }

  private static Iterator<Row> pointRows(Row group, int lastYear) {
    int cohortYear = group.getInt(2);
    int horizon = (int) java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(cohortYear - 1, 8, 1),
        java.time.LocalDate.of(lastYear, 7, 31));
    List<Outcome> outcomes = outcomes(group.getList(4));
    AalenJohansen fit = permanenceFit(outcomes);
    AalenJohansen routes = new AalenJohansen(outcomes, OutcomeKind.CAUSES, CONFIDENCE);
    List<Row> rows = new ArrayList<>();
    int longest = fit.longest();
    for (int quarter = 1; outcomes.size() > 0; quarter++) {
      int days = quarterDays(quarter);
      int year = quarter % 4 == 0 ? quarter / 4 : -1;
      boolean routeYear = Arrays.stream(ROUTE_YEARS).anyMatch(y -> y == year);
      List<Object> values = new ArrayList<>(Arrays.asList(group.get(0), group.get(1), group.get(2), group.get(3), days,
          quarter / 4.0));
      values.addAll(Arrays.asList(ShareEstimate.at(fit, PERMANENCE, days, CONFIDENCE).columns()));
      values.add(seen(fit.incidence(LEFT_CARE, days), longest, days));
      values.add(seen(fit.noOutcome(days), longest, days));
      List<Object> routeCounts = new ArrayList<>();
      for (OutcomeKind kind : OutcomeKind.competing()) {
        if (kind.isPermanence()) {
          values.add(routeYear ? seen(routes.incidence(kind.cause(), days), longest, days) : null);
          routeCounts.add(routeYear ? (long) routes.count(kind.cause(), days) : null);
        }
      }
      long events = fit.count(PERMANENCE, days);
      long left = fit.count(LEFT_CARE, days);
      long censored = fit.censoredBefore(days + 1);
      values.addAll(Arrays.asList(events, left, outcomes.size() - events - left - censored, censored));
      values.addAll(routeCounts);
      rows.add(RowFactory.create(values.toArray()));
      if (days >= Math.max(longest, horizon)) {
        break;
      }
    }
    return rows.iterator();
  }

  /** Groups the cohort outcomes (with Scotland and all ages added) into one row per group. */
  public static Dataset<Row> grouped(Dataset<Row> outcomes) {
    return CohortOutcomes.withScotlandAndAllAges(outcomes)
        .groupBy("population", "council", "cohort_year", "age_band")
        .agg(collect_list(struct(col("days"), col("cause"), col("followable_days"), col("spell_number"))).as("children"),
            expr("bool_or(history_incomplete)").as("history_incomplete"));
  }

  public static Dataset<Row> summary(Dataset<Row> grouped) {
    return grouped.flatMap((FlatMapFunction<Row, Row>) TimeToPermanence::summaryRow, Encoders.row(SUMMARY_SCHEMA));
  }

  public static Dataset<Row> curves(Dataset<Row> grouped) {
    return grouped.where(col("age_band").equalTo(CohortOutcomes.ALL_AGES))
        .flatMap((FlatMapFunction<Row, Row>) TimeToPermanence::curveRows, Encoders.row(CURVE_SCHEMA));
  }

  public static Dataset<Row> routes(Dataset<Row> grouped) {
    return grouped.flatMap((FlatMapFunction<Row, Row>) TimeToPermanence::routeRows, Encoders.row(ROUTE_SCHEMA));
  }

  /** The two-outcome fit of one group: permanence (any route) against leaving care. */
  static AalenJohansen permanenceFit(List<Outcome> outcomes) {
    List<Outcome> two = new ArrayList<>(outcomes.size());
    for (Outcome outcome : outcomes) {
      int cause = outcome.cause();
      two.add(new Outcome(outcome.days(), cause == 0 ? 0 : cause <= 5 ? PERMANENCE : LEFT_CARE));
    }
    return new AalenJohansen(two, 2, CONFIDENCE);
  }

  private static Iterator<Row> summaryRow(Row group) {
    List<Row> children = group.getList(4);
    List<Outcome> outcomes = outcomes(children);
    AalenJohansen fit = permanenceFit(outcomes);
    KaplanMeier causeSpecific = KaplanMeier.of(outcomes, cause -> cause <= 5, CONFIDENCE);
    int longest = fit.longest();
    long events = outcomes.stream().filter(o -> o.cause() >= 1 && o.cause() <= 5).count();
    long competing = outcomes.stream().filter(o -> o.cause() == 6).count();
    long laterSpells = children.stream().filter(child -> child.getInt(3) > 1).count();
    Interval median = fit.quantile(PERMANENCE, 0.5);
    ShareEstimate at2 = ShareEstimate.at(fit, PERMANENCE, TWO_YEARS, CONFIDENCE);
    ShareEstimate at4 = ShareEstimate.at(fit, PERMANENCE, FOUR_YEARS, CONFIDENCE);

    long followed2 = 0;
    long within2 = 0;
    long followed4 = 0;
    long over4 = 0;
    long reached = 0;
    // Summed in whole days, exactly, so that the mean does not depend on the order Spark lists the children in.
    long reachedDays = 0;
    for (Row child : children) {
      int days = child.getInt(0);
      boolean permanence = child.getInt(1) >= 1 && child.getInt(1) <= 5;
      int followable = child.getInt(2);
      if (followable >= TWO_YEARS) {
        followed2++;
        within2 += permanence && days <= TWO_YEARS ? 1 : 0;
      }
      if (followable >= FOUR_YEARS) {
        followed4++;
        over4 += permanence && days <= FOUR_YEARS ? 0 : 1;
      }
      if (permanence) {
        reached++;
        reachedDays += days;
      }
    }
    List<Object> values = new ArrayList<>(Arrays.asList(group.get(0), group.get(1), group.get(2), group.get(3), group.get(5),
        (long) outcomes.size(), laterSpells, events, competing, outcomes.size() - events - competing));
    values.addAll(Arrays.asList(at2.columns()));
    values.add(seen(fit.incidence(LEFT_CARE, TWO_YEARS), longest, TWO_YEARS));
    values.add(seen(fit.noOutcome(TWO_YEARS), longest, TWO_YEARS));
    values.addAll(Arrays.asList(at4.columns()));
    values.add(seen(fit.incidence(LEFT_CARE, FOUR_YEARS), longest, FOUR_YEARS));
    values.add(seen(fit.noOutcome(FOUR_YEARS), longest, FOUR_YEARS));
    values.addAll(Arrays.asList(orNull(median.estimate()), orNull(median.lower()), orNull(median.upper()),
        seen(1 - causeSpecific.survival(TWO_YEARS), longest, TWO_YEARS),
        seen(1 - causeSpecific.survival(FOUR_YEARS), longest, FOUR_YEARS),
        orNull(causeSpecific.median().estimate()),
        followed2, followed2 == 0 ? null : within2 / (double) followed2,
        followed4, followed4 == 0 ? null : over4 / (double) followed4,
        reached, reached == 0 ? null : reachedDays / 365.25 / reached));
    return List.of(RowFactory.create(values.toArray())).iterator();
  }

  private static Iterator<Row> curveRows(Row group) {
    List<Outcome> outcomes = outcomes(group.getList(4));
    AalenJohansen fit = permanenceFit(outcomes);
    List<AalenJohansen.Step> routes = new AalenJohansen(outcomes, OutcomeKind.CAUSES, CONFIDENCE).steps();
    List<AalenJohansen.Step> steps = fit.steps();
    List<Row> rows = new ArrayList<>(steps.size());
    for (int k = 0; k < steps.size(); k++) {
      AalenJohansen.Step step = steps.get(k);
      AalenJohansen.Step route = routes.get(k);
      Interval interval = step.interval(PERMANENCE, CONFIDENCE);
      rows.add(RowFactory.create(group.get(0), group.get(1), group.get(2), group.get(3), step.days(),
          step.incidence()[PERMANENCE], step.standardError()[PERMANENCE], orNull(interval.lower()),
          orNull(interval.upper()), step.incidence()[LEFT_CARE], step.noOutcome(),
          route.incidence()[OutcomeKind.HOME.cause()], route.incidence()[OutcomeKind.KCO.cause()],
          route.incidence()[OutcomeKind.PO.cause()], route.incidence()[OutcomeKind.POA.cause()],
          route.incidence()[OutcomeKind.ADOPTION.cause()], step.atRisk(), step.events()[PERMANENCE],
          step.events()[LEFT_CARE], step.censored()));
    }
    return rows.iterator();
  }

  private static Iterator<Row> routeRows(Row group) {
    List<Outcome> outcomes = outcomes(group.getList(4));
    int longest = outcomes.stream().mapToInt(Outcome::days).max().orElse(0);
    AalenJohansen aj = new AalenJohansen(outcomes, OutcomeKind.CAUSES);
    List<Row> rows = new ArrayList<>();
    for (int year : ROUTE_YEARS) {
      int days = year == 1 ? 365 : year == 2 ? TWO_YEARS : year == 4 ? FOUR_YEARS : 2191;
      boolean observable = longest >= days;
      for (OutcomeKind kind : OutcomeKind.competing()) {
        long seen = outcomes.stream().filter(o -> o.cause() == kind.cause() && o.days() <= days).count();
        rows.add(RowFactory.create(group.get(0), group.get(1), group.get(2), group.get(3), kind.name(), year,
            observable ? aj.incidence(kind.cause(), days) : null, observable ? seen : null));
      }
      long waiting = outcomes.stream().filter(o -> o.days() > days).count();
      rows.add(RowFactory.create(group.get(0), group.get(1), group.get(2), group.get(3), "STILL_WAITING", year,
          observable ? aj.noOutcome(days) : null, observable ? waiting : null));
    }
    return rows.iterator();
  }

  private static List<Outcome> outcomes(List<Row> children) {
    List<Outcome> outcomes = new ArrayList<>(children.size());
    for (Row child : children) {
      outcomes.add(new Outcome(child.getInt(0), child.getInt(1)));
    }
    return outcomes;
  }

  /** The value, or null at a time beyond the longest follow-up. */
  private static Double seen(double value, int longest, int days) {
    return longest < days ? null : orNull(value);
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  private static StructType schema(StructField... fields) {
    List<StructField> all = new ArrayList<>(GROUP);
    all.addAll(List.of(fields));
    return DataTypes.createStructType(all);
  }
}
