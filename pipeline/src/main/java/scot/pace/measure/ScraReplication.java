package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scot.pace.stats.AalenJohansen;
import scot.pace.stats.KaplanMeier;
import scot.pace.stats.Outcome;

/**
 * The headline table of the SCRA studies for any cohorts and follow-up, by the naive method the
 * studies used and by the Aalen-Johansen cumulative incidence with leaving care competing, beside
 * the published figures. With every child followed the whole time the two methods give the same
 * number; where they differ the difference is censoring, and {@code note} says how many were
 * censored before the time the figure looks at:
 *
 * <ul>
 *   <li>mean years to legal permanence among those who reached it within the follow-up (naive:
 *       children followed that long; estimate: Σ t dF(t) / F(follow-up) with F the Aalen-Johansen
 *       incidence of permanence by any route);
 *   <li>% within 2 years (naive: of children followed the whole follow-up; estimate: F(730), the
 *       cumulative incidence of permanence by any route);
 *   <li>% over 4 years, without permanence after 1,461 days (naive: of children followed four
 *       years; estimate: 1 - F(1461), still waiting or left care without permanence);
 *   <li>% adopted: permanence by adoption or a permanence order with authority to adopt within the
 *       follow-up (naive; estimate: Aalen-Johansen incidence of those routes);
 *   <li>% of compulsory supervision orders at home lasting 2 years or more, among children whose
 *       first such order began in the cohort years (naive: orders followed 2 years; estimate:
 *       Kaplan-Meier of the order's duration at 730 days).
 * </ul>
 */
public final class ScraReplication {
  public static final String TABLE = "gold_scra_replication";

  /** The published SCRA figures (docs/reference-figures.md), in the order of the measures. */
  static final double[] PUBLISHED = {2.4, 0.08, 0.53, 0.02, 0.25};
  static final String[] MEASURES = {
    "mean years to legal permanence (among those reaching it)",
    "share reaching legal permanence within 2 years",
    "share taking more than 4 years",
    "share adopted (adoption or permanence order with authority to adopt)",
    "share of home supervision orders lasting 2 years or more"
  };

  public static final StructType SCHEMA = StructType.fromDDL(
      "measure STRING, naive DOUBLE, naive_children BIGINT, estimate DOUBLE, estimate_children BIGINT,"
          + " published DOUBLE, note STRING");

  private ScraReplication() {}

  /**
   * @param outcomes cohort outcomes ({@link CohortOutcomes#of}) of the population wanted, already
   *     narrowed to the cohorts and councils wanted
   * @param homeOrders journeys with {@code home_order_start} in the cohorts wanted
   * @param followUpDays the follow-up, e.g. 1461 for 4 years
   */
  public static Dataset<Row> table(Dataset<Row> outcomes, Dataset<Row> homeOrders, int followUpDays) {
    Dataset<Row> children = outcomes.groupBy(lit(1).as("g"))
        .agg(collect_list(struct(col("days"), col("cause"), col("followable_days"))).as("children"));
    Dataset<Row> orders = homeOrders
        .select(expr("datediff(coalesce(home_order_end, latest_snapshot), home_order_start)").as("days"),
            expr("IF(home_order_end IS NULL, 0, 1)").as("cause"),
            expr("datediff(latest_snapshot, home_order_start)").as("followable_days"))
        .groupBy(lit(1).as("g"))
        .agg(collect_list(struct(col("days"), col("cause"), col("followable_days"))).as("orders"));
    return children.join(orders, "g", "full_outer")
        .flatMap((FlatMapFunction<Row, Row>) row -> rows(row, followUpDays), Encoders.row(SCHEMA));
  }

  /**
   * The table for cohorts {@code from..to} of {@code population} (origin in those collection
   * years), for Scotland or one council, from the lake's silver journeys.
   */
  public static Dataset<Row> fromLake(org.apache.spark.sql.SparkSession spark, scot.pace.lake.Lake lake, int from,
      int to, int followUpDays, Population population, String council) {
    Dataset<Row> journeys = lake.read(spark, scot.pace.journey.Journeys.TABLE);
    if (council != null) {
      journeys = journeys.where(col("council").equalTo(council));
    }
    Dataset<Row> firstYears = lake.read(spark, scot.pace.returns.ReturnFile.CHILDREN.bronzeTable())
        .groupBy(col(scot.pace.lake.Lineage.COUNCIL).as("council"))
        .agg(org.apache.spark.sql.functions.min(scot.pace.lake.Lineage.COLLECTION_YEAR).as("first_year"));
    Dataset<Row> outcomes = CohortOutcomes.of(journeys, firstYears)
        .where(col("population").equalTo(population.label()).and(col("cohort_year").between(from, to)));
    Dataset<Row> homeOrders = journeys.where("home_order_start IS NOT NULL")
        .join(firstYears, "council")
        .withColumn("order_year", expr("year(home_order_start) + IF(month(home_order_start) >= 8, 1, 0)"))
        .where(col("order_year").between(from, to).and(col("order_year").geq(col("first_year"))));
    return table(outcomes, homeOrders, followUpDays);
  }

  private static Iterator<Row> rows(Row row, int followUp) {
    List<Row> children = row.isNullAt(1) ? List.of() : row.getList(1);
    List<Row> orders = row.isNullAt(2) ? List.of() : row.getList(2);
    List<Outcome> outcomes = new ArrayList<>();
    long followed = 0;
    long reached = 0;
    // In whole days, exactly: the mean must not depend on the order Spark lists the children in.
    long reachedDays = 0;
    long within2 = 0;
    long over4 = 0;
    long adopted = 0;
    long followed4 = 0;
    for (Row child : children) {
      int days = child.getInt(0);
      int cause = child.getInt(1);
      outcomes.add(new Outcome(days, cause));
      boolean permanence = cause >= 1 && cause <= 5;
      if (child.getInt(2) >= followUp) {
        followed++;
        if (permanence && days <= followUp) {
          reached++;
          reachedDays += days;
          adopted += cause == OutcomeKind.POA.cause() || cause == OutcomeKind.ADOPTION.cause() ? 1 : 0;
        }
        within2 += permanence && days <= 730 ? 1 : 0;
      }
      if (child.getInt(2) >= 1461) {
        followed4++;
        over4 += permanence && days <= 1461 ? 0 : 1;
      }
    }
    List<Row> table = new ArrayList<>();
    long n = outcomes.size();
    if (n > 0) {
      AalenJohansen fit = TimeToPermanence.permanenceFit(outcomes);
      AalenJohansen routes = new AalenJohansen(outcomes, OutcomeKind.CAUSES);
      int longest = fit.longest();
      double mean = fit.meanTimeAmong(new int[] {TimeToPermanence.PERMANENCE}, followUp) / 365.25;
      table.add(row(0, reached == 0 ? null : reachedDays / 365.25 / reached, followed, Double.isNaN(mean) ? null : mean, n,
          note(fit, followUp)));
      table.add(row(1, followed == 0 ? null : within2 / (double) followed, followed,
          longest >= 730 ? fit.incidence(TimeToPermanence.PERMANENCE, 730) : null, n, note(fit, followUp)));
      table.add(row(2, followed4 == 0 ? null : over4 / (double) followed4, followed4,
          longest >= 1461 ? 1 - fit.incidence(TimeToPermanence.PERMANENCE, 1461) : null, n, note(fit, 1461)));
      table.add(row(3, followed == 0 ? null : adopted / (double) followed, followed,
          longest >= followUp ? routes.incidence(OutcomeKind.POA.cause(), followUp)
              + routes.incidence(OutcomeKind.ADOPTION.cause(), followUp) : null, n, note(fit, followUp)));
    }
    if (!orders.isEmpty()) {
      List<Outcome> durations = new ArrayList<>();
      long ordersFollowed = 0;
      long lasting = 0;
      for (Row order : orders) {
        durations.add(new Outcome(order.getInt(0), order.getInt(1)));
        if (order.getInt(2) >= 730) {
          ordersFollowed++;
          lasting += order.getInt(1) == 0 || order.getInt(0) >= 730 ? 1 : 0;
        }
      }
      KaplanMeier km = KaplanMeier.of(durations, 0.95);
      int longest = durations.stream().mapToInt(Outcome::days).max().orElse(0);
      long cut = durations.stream().filter(d -> d.isCensored() && d.days() < 730).count();
      table.add(row(4, ordersFollowed == 0 ? null : lasting / (double) ordersFollowed, ordersFollowed,
          longest >= 730 ? km.survival(729) : null, durations.size(), note(cut, 730)));
    }
    return table.iterator();
  }

  private static Row row(int measure, Double naive, long naiveChildren, Double estimate, long children, String note) {
    return RowFactory.create(MEASURES[measure], naive, naiveChildren, estimate, children, PUBLISHED[measure], note);
  }

  private static String note(AalenJohansen fit, int days) {
    return note(fit.censoredBefore(days), days);
  }

  /** Says whether the two methods must agree: they do when nobody was censored before the time. */
  private static String note(long censored, int days) {
    return censored == 0
        ? "every child followed " + days + " days: naive and estimate must agree"
        : censored + " censored before " + days + " days: the estimate accounts for them, the naive share leaves them out";
  }
}
