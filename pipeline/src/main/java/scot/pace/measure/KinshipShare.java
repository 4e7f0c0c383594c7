package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scot.pace.returns.PlacementGroup;
import scot.pace.stats.Interval;
import scot.pace.stats.Wilson;

/**
 * {@code gold_kinship_share}: at each 31 July snapshot, per council and for Scotland, the children
 * looked after (an episode open that day) by the group of their placement that day, with the share
 * in kinship care and its Wilson 95% interval. The groups, with {@code no_placement} for a child
 * whose return records no placement that day, add to 100%.
 */
public final class KinshipShare {
  public static final String TABLE = "gold_kinship_share";

  private KinshipShare() {}

  /**
   * @param episodes {@code silver_episodes}
   * @param placements {@code silver_placements}
   * @param returnYears per {@code council}, each {@code collection_year} it has a return for
   */
  public static Dataset<Row> atSnapshots(Dataset<Row> episodes, Dataset<Row> placements, Dataset<Row> returnYears) {
    Dataset<Row> open =
        returnYears.withColumn("snapshot_date", expr("make_date(collection_year, 7, 31)"))
            .join(episodes, "council")
            .where("episode_start <= snapshot_date AND (episode_end IS NULL OR episode_end > snapshot_date)")
            .select("council", "collection_year", "snapshot_date", "child_key", "episode_id");
    Dataset<Row> current =
        open.join(placements.select("council", "child_key", "episode_id", "placement_start", "placement_end",
                "placement_type"),
                new String[] {"council", "child_key", "episode_id"}, "left")
            .where("placement_start IS NULL OR (placement_start <= snapshot_date"
                + " AND (placement_end IS NULL OR placement_end > snapshot_date))")
            .select(col("council"), col("collection_year"), col("snapshot_date"), col("child_key"),
                expr(groupOf("placement_type")).as("placement_group"));
    // A child with placements, none of them current, fell out of the join above: count it too.
    Dataset<Row> children =
        open.select("council", "collection_year", "snapshot_date", "child_key").distinct()
            .join(current, new String[] {"council", "collection_year", "snapshot_date", "child_key"}, "left")
            .withColumn("placement_group", expr("coalesce(placement_group, 'no_placement')"));
    Dataset<Row> both = CohortOutcomes.withScotland(children);

    List<Column> counts = new ArrayList<>();
    counts.add(countDistinct("child_key").as("looked_after"));
    for (String group : groups()) {
      counts.add(sum(expr("IF(placement_group = '" + group + "', 1, 0)")).cast("long").as(group));
    }
    Dataset<Row> tallied =
        both.groupBy("council", "collection_year", "snapshot_date")
            .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new));
    for (String group : groups()) {
      tallied = tallied.withColumn(group + "_share", expr("IF(looked_after = 0, NULL, " + group + " / looked_after)"));
    }
    return tallied
        .withColumn("kinship_interval", wilson(col("kinship"), col("looked_after")))
        .withColumn("kinship_lower", col("kinship_interval.lower"))
        .withColumn("kinship_upper", col("kinship_interval.upper"))
        .drop("kinship_interval");
  }

  /**
   * {@code gold_kinship_permanence}: per population, council (and Scotland) and cohort year, the
   * children who reached legal permanence and the share of them who did so through a kinship
   * route (a kinship care order, or a permanence order while placed with kin), with Wilson 95%.
   */
  public static Dataset<Row> ofPermanence(Dataset<Row> outcomes) {
    Dataset<Row> reached = outcomes.where("cause BETWEEN 1 AND 5");
    Dataset<Row> both = CohortOutcomes.withScotland(reached);
    return both.groupBy("population", "council", "cohort_year")
        .agg(count(lit(1)).as("permanence_reached"), sum(expr("IF(with_kin, 1, 0)")).cast("long").as("through_kinship"))
        .withColumn("kinship_route_share", expr("through_kinship / permanence_reached"))
        .withColumn("interval", wilson(col("through_kinship"), col("permanence_reached")))
        .withColumn("kinship_route_lower", col("interval.lower"))
        .withColumn("kinship_route_upper", col("interval.upper"))
        .drop("interval");
  }

  public static final String MEASURE = "kinship_share";

  /**
   * For {@link CouncilComparison}: per council and snapshot year, {@code numerator} children in
   * kinship care and {@code denominator} children looked after, from {@code gold_kinship_share}.
   */
  public static Dataset<Row> proportions(Dataset<Row> kinshipShare) {
    return kinshipShare.where(col("council").notEqual(lit(CohortOutcomes.SCOTLAND)))
        .select(lit(MEASURE).as("measure"), col("council"), col("collection_year").as("year"),
            col("kinship").cast("long").as("numerator"), col("looked_after").cast("long").as("denominator"));
  }

  public static final String PERMANENCE_TABLE = "gold_kinship_permanence";

  /** The placement groups' column names, in the published order. */
  public static List<String> groups() {
    List<String> names = new ArrayList<>();
    for (PlacementGroup group : PlacementGroup.values()) {
      names.add(group.name().toLowerCase(java.util.Locale.ROOT));
    }
    names.add("no_placement");
    return names;
  }

  private static String groupOf(String typeColumn) {
    StringBuilder sql = new StringBuilder("CASE " + typeColumn);
    for (String type : List.of("HOME", "KIN", "FOS_LA", "FOS_PUR", "ADOPTERS", "RES_LA", "RES_VOL", "RES_SCH",
        "SECURE", "CRISIS", "RES_OTH", "COMM")) {
      sql.append(" WHEN '").append(type).append("' THEN '")
          .append(PlacementGroup.of(type).name().toLowerCase(java.util.Locale.ROOT)).append("'");
    }
    return sql.append(" END").toString();
  }

  private static Column wilson(Column successes, Column trials) {
    return functions.udf(
            (UDF2<Long, Long, Row>) (x, n) -> {
              Interval interval = Wilson.interval(x, n, 0.95);
              return org.apache.spark.sql.RowFactory.create(interval.lower(), interval.upper());
            },
            DataTypes.createStructType(List.of(
                DataTypes.createStructField("lower", DataTypes.DoubleType, true),
                DataTypes.createStructField("upper", DataTypes.DoubleType, true))))
        .apply(successes.cast("long"), trials.cast("long"));
  }
}
