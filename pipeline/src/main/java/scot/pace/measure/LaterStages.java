package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold_later_stages}: the stages after a permanence recommendation, per council (and
 * Scotland) and the collection year in which the stage was completed: days from a child's first
 * {@code REC} to its first {@code PANEL} on or after it, from that panel to the first agency
 * decision ({@code ADM}), from the decision to the first lodging of the application in court
 * ({@code LODGED}), and from lodging to the first order {@code GRANTED}. For each: children, the
 * median and quartiles (exact, interpolated), the mean, and the share completed within the stage's
 * target where there is one (the agency decision within the statutory 14 days of the panel).
 * Only years the council's returns cover from their start are counted.
 * Children still waiting for the next stage are not in it: these are timescales of stages
 * completed, as the PACE webinars report them.
 */
public final class LaterStages {
  public static final String TABLE = "gold_later_stages";

  /** A stage, from one milestone to the next, with its target in days when it has one. */
  public record Stage(String name, String from, String to, Integer targetDays) {}

  public static final List<Stage> STAGES = List.of(
      new Stage("REC_TO_PANEL", "REC", "PANEL", null),
      new Stage("PANEL_TO_ADM", "PANEL", "ADM", 14),
      new Stage("ADM_TO_LODGED", "ADM", "LODGED", null),
      new Stage("LODGED_TO_GRANTED", "LODGED", "GRANTED", null));

  private LaterStages() {}

  /** Per child and stage, {@code council, child_key, stage, started, completed, days}. */
  public static Dataset<Row> childStages(Dataset<Row> milestones) {
    Dataset<Row> dated = milestones.where("milestone_date IS NOT NULL")
        .select("council", "child_key", "milestone", "milestone_date");
    String[] child = {"council", "child_key"};
    Dataset<Row> all = null;
    for (Stage stage : STAGES) {
      Dataset<Row> started = dated.where(col("milestone").equalTo(stage.from()))
          .groupBy("council", "child_key").agg(min("milestone_date").as("started"));
      Dataset<Row> completed = dated.where(col("milestone").equalTo(stage.to()))
          .join(started, child)
          .where("milestone_date >= started")
          .groupBy("council", "child_key", "started").agg(min("milestone_date").as("completed"));
      Dataset<Row> rows = completed.select(col("council"), col("child_key"), lit(stage.name()).as("stage"),
          col("started"), col("completed"), expr("datediff(completed, started)").as("days"));
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  /**
   * The table, from {@link #childStages}: stages completed in a collection year the council's
   * returns cover (earlier ones are seen only for children still in care when returns began).
   *
   * @param firstYears per {@code council}, {@code first_year}
   */
  public static Dataset<Row> of(Dataset<Row> childStages, Dataset<Row> firstYears) {
    Dataset<Row> dated = childStages
        .withColumn("year", expr("year(completed) + IF(month(completed) >= 8, 1, 0)"))
        .join(firstYears, "council")
        .where("year >= first_year")
        .drop("first_year")
        .withColumn("target_days", expr(targetOf("stage")));
    Dataset<Row> both = CohortOutcomes.withScotland(dated);
    return both.groupBy("council", "stage", "year")
        .agg(count(lit(1)).as("children"),
            expr("percentile(days, 0.25)").as("q1_days"),
            expr("percentile(days, 0.5)").as("median_days"),
            expr("percentile(days, 0.75)").as("q3_days"),
            expr("avg(days)").as("mean_days"),
            expr("first(target_days)").as("target_days"),
            expr("IF(first(target_days) IS NULL, NULL, avg(IF(days <= target_days, 1D, 0D)))").as("within_target"))
        .select("council", "stage", "year", "children", "q1_days", "median_days", "q3_days", "mean_days",
            "target_days", "within_target");
  }

  private static String targetOf(String column) {
    StringBuilder sql = new StringBuilder("CASE " + column);
    for (Stage stage : STAGES) {
      if (stage.targetDays() != null) {
        sql.append(" WHEN '").append(stage.name()).append("' THEN ").append(stage.targetDays());
      }
    }
    return sql.append(" END").toString();
  }
}
