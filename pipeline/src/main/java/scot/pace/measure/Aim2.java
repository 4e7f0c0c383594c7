package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scot.pace.stats.AalenJohansen;
import scot.pace.stats.Outcome;
import scot.pace.stats.ShareEstimate;

/**
 * {@code gold_aim2}, PACE Aim 2: for every spell first accommodated in each collection year (per
 * council and for Scotland; a child accommodated again after an outcome counts again), days from
 * first accommodated to the first permanence recommendation ({@code REC}), by the Aalen-Johansen
 * cumulative incidence: reaching permanence or leaving care with no recommendation competes with
 * it, and a spell with none of these yet is censored at the snapshot. Gives the median weeks (the
 * first time the incidence reaches 0.5), the share recommended within 26 weeks with its standard
 * error and interval ({@link ShareEstimate}), and within the council's own aim ({@code aim_weeks},
 * Scotland 26) beside its target share. Empty beyond the cohort's longest follow-up.
 */
public final class Aim2 {
  public static final String TABLE = "gold_aim2";

  public static final StructType SCHEMA = StructType.fromDDL(
      "council STRING, cohort_year INT, history_incomplete BOOLEAN, children BIGINT, recommended BIGINT,"
          + " median_weeks DOUBLE, within_26w DOUBLE, within_26w_se DOUBLE, within_26w_lower DOUBLE,"
          + " within_26w_upper DOUBLE, within_26w_interval STRING, aim_weeks INT, within_aim DOUBLE, aim_share DOUBLE");

  private Aim2() {}

  /**
   * @param journeys {@code silver_journeys}
   * @param firstYears per {@code council}, {@code first_year}
   * @param aims per {@code council}, {@code aim_weeks} and {@code aim_share} ({@code ref_councils})
   */
  public static Dataset<Row> of(Dataset<Row> journeys, Dataset<Row> firstYears, Dataset<Row> aims) {
    Dataset<Row> children = children(journeys, firstYears)
        .select("council", "cohort_year", "days", "cause", "history_incomplete");
    Dataset<Row> both = CohortOutcomes.withScotland(children);
    return both.groupBy("council", "cohort_year")
        .agg(collect_list(struct(col("days"), col("cause"))).as("children"),
            expr("bool_or(history_incomplete)").as("history_incomplete"))
        .join(aims.select("council", "aim_weeks", "aim_share"), new String[] {"council"}, "left")
        .flatMap((FlatMapFunction<Row, Row>) Aim2::row, Encoders.row(SCHEMA));
  }

  public static final String MEASURE = "aim2_recommended_within_26w";

  /**
   * Per council and cohort year in which every child could be followed 26 weeks: {@code measure}
   * ({@value #MEASURE}), {@code council}, {@code year}, {@code numerator} (recommended within 182
   * days of first accommodated) and {@code denominator} (children first accommodated), for
   * {@link CouncilComparison}. With full follow-up the plain share is the cumulative incidence: a
   * child who went home or left care first counts as not recommended.
   */
  public static Dataset<Row> proportions(Dataset<Row> journeys, Dataset<Row> firstYears) {
    return children(journeys, firstYears).groupBy("council", "cohort_year")
        .agg(count(lit(1)).as("denominator"), sum(expr("IF(cause = 1 AND days <= 182, 1, 0)")).cast("long").as("numerator"),
            min("followable_days").as("followable"))
        .where("followable >= 182")
        .select(lit(MEASURE).as("measure"), col("council"), col("cohort_year").as("year"), col("numerator"),
            col("denominator"));
  }

  /**
   * Each spell first accommodated in a cohort year its council's returns cover from the start, with
   * {@code days} to the first recommendation ({@code cause} 1), or to its permanence or exit
   * ({@code cause} 2, competing) or censor date ({@code cause} 0), and the {@code followable_days}
   * to the council's latest snapshot.
   */
  static Dataset<Row> children(Dataset<Row> journeys, Dataset<Row> firstYears) {
    return journeys.where("first_accommodated IS NOT NULL")
        .withColumn("until", expr("coalesce(first_recommendation, permanence_date, exit_date, censor_date)"))
        .where("until >= first_accommodated")
        .join(firstYears, "council")
        .withColumn("cohort_year", expr("year(first_accommodated) + IF(month(first_accommodated) >= 8, 1, 0)"))
        .where("cohort_year >= first_year")
        .select(col("council"), col("cohort_year"), expr("datediff(until, first_accommodated)").as("days"),
            expr("CASE WHEN first_recommendation IS NOT NULL THEN 1"
                + " WHEN permanence_date IS NOT NULL OR exit_date IS NOT NULL THEN 2 ELSE 0 END").as("cause"),
            expr("datediff(latest_snapshot, first_accommodated)").as("followable_days"),
            expr("cohort_year < first_year + " + CohortOutcomes.HISTORY_YEARS).as("history_incomplete"));
  }

  private static Iterator<Row> row(Row group) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Row child : group.<Row>getList(2)) {
      outcomes.add(new Outcome(child.getInt(0), child.getInt(1)));
    }
    AalenJohansen fit = new AalenJohansen(outcomes, 2, 0.95);
    int aimWeeks = group.isNullAt(4) ? 26 : group.getInt(4);
    ShareEstimate at26 = ShareEstimate.at(fit, RECOMMENDED, 182, 0.95);
    double median = fit.quantile(RECOMMENDED, 0.5).estimate();
    long recommended = outcomes.stream().filter(o -> o.cause() == RECOMMENDED).count();
    List<Object> values = new ArrayList<>(Arrays.asList(group.getString(0), group.getInt(1), group.get(3),
        (long) outcomes.size(), recommended, Double.isNaN(median) ? null : median / 7));
    values.addAll(Arrays.asList(at26.columns()));
    values.addAll(Arrays.asList(aimWeeks, fit.longest() >= aimWeeks * 7 ? fit.incidence(RECOMMENDED, aimWeeks * 7) : null,
        group.isNullAt(5) ? null : group.getDouble(5)));
    return List.of(RowFactory.create(values.toArray())).iterator();
  }

  private static final int RECOMMENDED = 1;
}
