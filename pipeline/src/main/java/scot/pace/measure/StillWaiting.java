package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold_still_waiting}: at each council's latest snapshot, every child who has been
 * accommodated, is still looked after (no legal permanence, no exit) and has no permanence
 * recommendation yet: one row per child (by its pseudonymous key), with the weeks waited since
 * first accommodated, its age band and the type of its placement at the snapshot (the latest one
 * open that day; empty when the return records none). The PACE Aim 2 webinar draws one bar per
 * child from this.
 */
public final class StillWaiting {
  public static final String TABLE = "gold_still_waiting";

  private StillWaiting() {}

  /**
   * @param journeys {@code silver_journeys}
   * @param placements {@code silver_placements}
   */
  public static Dataset<Row> of(Dataset<Row> journeys, Dataset<Row> placements) {
    Dataset<Row> waiting = journeys.where("first_accommodated IS NOT NULL AND first_recommendation IS NULL"
            + " AND censor_date IS NOT NULL AND first_accommodated <= latest_snapshot")
        .select("council", "child_key", "age_band", "first_accommodated", "latest_snapshot", "placement_count");
    Dataset<Row> current = placements.select("council", "child_key", "placement_start", "placement_end",
            "placement_type")
        .join(waiting.select("council", "child_key", "latest_snapshot"), new String[] {"council", "child_key"})
        .where("placement_start <= latest_snapshot AND (placement_end IS NULL OR placement_end > latest_snapshot)")
        .groupBy("council", "child_key")
        .agg(max(struct(col("placement_start"), col("placement_type"))).as("p"))
        .select(col("council"), col("child_key"), col("p.placement_type").as("placement_type"));
    return waiting.join(current, new String[] {"council", "child_key"}, "left")
        .select(col("council"), col("child_key"), col("age_band"), col("first_accommodated"),
            col("latest_snapshot").as("snapshot_date"),
            expr("CAST(datediff(latest_snapshot, first_accommodated) AS DOUBLE) / 7").as("weeks_waited"),
            col("placement_type"), col("placement_count"));
  }
}
