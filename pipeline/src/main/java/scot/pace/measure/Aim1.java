package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scot.pace.stats.Interval;
import scot.pace.stats.KaplanMeier;
import scot.pace.stats.Outcome;

/**
 * {@code gold_aim1}, PACE Aim 1 (looked after at home): for the children whose first compulsory
 * supervision order at home ({@code CSO_HOME}) began in each collection year, per council and for
 * Scotland: how many could be followed two years (730 days, the order's start at least two years
 * before the council's latest snapshot), how many of those were still on the order two years
 * after it began, their share (SCRA: 25%), and how many of those had a permanence recommendation
 * ({@code REC}) within the two years. The return has no milestone for a looked after review as
 * such, so a recommendation is the only review outcome that can be counted. Beside the count, the
 * Kaplan-Meier share of orders not ended within 729 days, with every order (ended or not) counted and
 * those still running censored at the snapshot, with its 95% interval.
 */
public final class Aim1 {
  public static final String TABLE = "gold_aim1";
  public static final int TWO_YEARS = 730;

  public static final StructType SCHEMA = StructType.fromDDL(
      "council STRING, cohort_year INT, orders BIGINT, followed_2y BIGINT, still_on_2y BIGINT,"
          + " still_on_2y_share DOUBLE, rec_by_2y BIGINT, rec_by_2y_share DOUBLE, km_still_on_2y DOUBLE,"
          + " km_still_on_2y_lower DOUBLE, km_still_on_2y_upper DOUBLE");

  private Aim1() {}

  /**
   * Each spell's first home order in a cohort year its council's returns cover from the start:
   * {@code council, child_key, cohort_year, order_days} (start to end, or to the snapshot while it
   * runs), {@code ended}, {@code followed_2y}, {@code still_on_2y} and {@code rec_by_2y}.
   *
   * @param journeys {@code silver_journeys}
   * @param milestones {@code silver_milestones}
   * @param firstYears per {@code council}, {@code first_year}
   */
  public static Dataset<Row> orders(Dataset<Row> journeys, Dataset<Row> milestones, Dataset<Row> firstYears) {
    Dataset<Row> orders = journeys.where("home_order_start IS NOT NULL")
        .join(firstYears, "council")
        .withColumn("cohort_year", expr("year(home_order_start) + IF(month(home_order_start) >= 8, 1, 0)"))
        .where("cohort_year >= first_year AND home_order_start <= latest_snapshot")
        .select(col("council"), col("child_key"), col("spell_number"), col("cohort_year"), col("home_order_start"),
            expr("datediff(coalesce(home_order_end, latest_snapshot), home_order_start)").as("order_days"),
            expr("home_order_end IS NOT NULL AND home_order_end <= latest_snapshot").as("ended"),
            expr("date_add(home_order_start, " + TWO_YEARS + ") <= latest_snapshot").as("followed_2y"));
    Dataset<Row> recommended = milestones.where("milestone = 'REC' AND milestone_date IS NOT NULL")
        .select("council", "child_key", "milestone_date")
        .join(orders.select("council", "child_key", "spell_number", "home_order_start"),
            new String[] {"council", "child_key"})
        .where("milestone_date >= home_order_start AND milestone_date <= date_add(home_order_start, " + TWO_YEARS + ")")
        .select("council", "child_key", "spell_number").distinct()
        .withColumn("rec_within", lit(true));
    return orders.join(recommended, new String[] {"council", "child_key", "spell_number"}, "left")
        .withColumn("still_on_2y", expr("followed_2y AND (NOT ended OR order_days >= " + TWO_YEARS + ")"))
        .withColumn("rec_by_2y", expr("still_on_2y AND coalesce(rec_within, false)"))
        .drop("rec_within", "home_order_start");
  }

  /** The table, from {@link #orders}. */
  public static Dataset<Row> of(Dataset<Row> orders) {
    Dataset<Row> both = CohortOutcomes.withScotland(orders);
    return both.groupBy("council", "cohort_year")
        .agg(count(lit(1)).as("orders"), sum(expr("IF(followed_2y, 1, 0)")).cast("long").as("followed"),
            sum(expr("IF(still_on_2y, 1, 0)")).cast("long").as("still_on"),
            sum(expr("IF(rec_by_2y, 1, 0)")).cast("long").as("rec"),
            collect_list(struct(col("order_days"), expr("IF(ended, 1, 0)"))).as("days"))
        .flatMap((FlatMapFunction<Row, Row>) Aim1::row, Encoders.row(SCHEMA));
  }

  /**
   * Per council and cohort year in which every order could be followed two years: {@code measure}
   * ({@value #MEASURE}), {@code council}, {@code year}, {@code numerator} (still on the order at
   * two years) and {@code denominator} (orders), for {@link CouncilComparison}.
   */
  public static Dataset<Row> proportions(Dataset<Row> orders) {
    return orders.groupBy("council", "cohort_year")
        .agg(count(lit(1)).as("denominator"), sum(expr("IF(still_on_2y, 1, 0)")).cast("long").as("numerator"),
            expr("bool_and(followed_2y)").as("complete"))
        .where("complete")
        .select(lit(MEASURE).as("measure"), col("council"), col("cohort_year").as("year"), col("numerator"),
            col("denominator"));
  }

  public static final String MEASURE = "aim1_still_on_home_order_2y";

  private static Iterator<Row> row(Row group) {
    long followed = group.getLong(3);
    long stillOn = group.getLong(4);
    long rec = group.getLong(5);
    List<Outcome> outcomes = new ArrayList<>();
    int longest = 0;
    for (Row order : group.<Row>getList(6)) {
      outcomes.add(new Outcome(order.getInt(0), order.getInt(1)));
      longest = Math.max(longest, order.getInt(0));
    }
    KaplanMeier km = KaplanMeier.of(outcomes, 0.95);
    boolean reaches = longest >= TWO_YEARS;
    // Lasting two years or more: not ended within 729 days, as in the naive count.
    Interval at = km.survivalInterval(TWO_YEARS - 1);
    return List.of(RowFactory.create(group.getString(0), group.getInt(1), group.getLong(2), followed, stillOn,
        followed == 0 ? null : (double) stillOn / followed, rec, stillOn == 0 ? null : (double) rec / stillOn,
        reaches ? at.estimate() : null, reaches ? at.lower() : null, reaches ? at.upper() : null)).iterator();
  }
}
