package scot.pace.build;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.journey.Journeys;
import scot.pace.journey.PseudonymKey;
import scot.pace.journey.Silver;
import scot.pace.lake.Lineage;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.Population;
import scot.pace.returns.ReturnFile;

/**
 * The work the benchmark also asks of a single-node SQL engine, done the pipeline's way from the
 * same CSV returns (one read over all the returns per file kind, no lake): the journeys (latest
 * return wins; first accommodated; legal permanence date and route), the naive SCRA-style counts
 * of the accommodated cohorts, and the children looked after and in kinship care at each 31 July.
 * Counts only, one row per {@code measure}, council and year, so two engines can be compared to
 * the last child:
 *
 * <ul>
 *   <li>{@code followed_2y}, {@code within_2y}, {@code followed_4y}, {@code over_4y}: per council
 *       and cohort year, as {@code naive_*} in {@code gold_time_to_permanence} (all ages);
 *   <li>{@code looked_after}, {@code kinship}: per council and collection year, as in
 *       {@code gold_kinship_share}.
 * </ul>
 */
public final class CommonWork {
  private CommonWork() {}

  /**
   * @param returns the folder holding one folder per return (the generator's layout)
   * @param currentCodes former council code to current, for returns sent under a former code
   */
  public static Dataset<Row> fromReturns(SparkSession spark, String returns, Map<String, String> currentCodes) {
    PseudonymKey key = PseudonymKey.demo();
    Dataset<Row> episodes = Silver.episodes(read(spark, returns, ReturnFile.EPISODES, currentCodes), key).cache();
    Dataset<Row> placements = Silver.placements(read(spark, returns, ReturnFile.PLACEMENTS, currentCodes), episodes, key).cache();
    Dataset<Row> milestones = Silver.milestones(read(spark, returns, ReturnFile.PERMANENCE, currentCodes), episodes, key).cache();
    Dataset<Row> bronzeChildren = read(spark, returns, ReturnFile.CHILDREN, currentCodes).cache();
    Dataset<Row> journeys = Journeys.derive(Silver.children(bronzeChildren, key), episodes, placements, milestones);
    Dataset<Row> returnYears = bronzeChildren.select(col(Lineage.COUNCIL).as("council"),
        col(Lineage.COLLECTION_YEAR).as("collection_year")).distinct().cache();
    Dataset<Row> firstYears = returnYears.groupBy("council").agg(min("collection_year").as("first_year"));

    Dataset<Row> naive = CohortOutcomes.of(journeys, firstYears)
        .where(col("population").equalTo(lit(Population.ACCOMMODATED.label())))
        .groupBy("council", "cohort_year")
        .agg(count("followable_days >= 730"), count("followable_days >= 730 AND cause BETWEEN 1 AND 5 AND days <= 730"),
            count("followable_days >= 1461"),
            count("followable_days >= 1461 AND NOT coalesce(cause BETWEEN 1 AND 5 AND days <= 1461, false)"))
        .toDF("council", "year", "followed_2y", "within_2y", "followed_4y", "over_4y");
    Dataset<Row> kinship = KinshipShare.atSnapshots(episodes, placements, returnYears)
        .where(col("council").notEqual(lit(CohortOutcomes.SCOTLAND)))
        .select(col("council"), col("collection_year").as("year"), col("looked_after"), col("kinship"));
    return longForm(naive, "followed_2y", "within_2y", "followed_4y", "over_4y")
        .unionByName(longForm(kinship, "looked_after", "kinship"));
  }

  private static Column count(String condition) {
    return expr("count_if(" + condition + ")");
  }

  /**
   * One row per measure from one pass over {@code wide}: a union of one select per measure would
   * run the joins beneath {@code wide} once per measure.
   */
  private static Dataset<Row> longForm(Dataset<Row> wide, String... measures) {
    Column[] values = new Column[measures.length];
    for (int i = 0; i < measures.length; i++) {
      values[i] = col(measures[i]).cast("long").as(measures[i]);
    }
    return wide.unpivot(new Column[] {col("council"), col("year").cast("int").as("year")}, values, "measure", "value")
        .select("measure", "council", "year", "value");
  }

  /** Every return's file of one kind, in one read, with the council's current code and the year. */
  public static Dataset<Row> read(SparkSession spark, String returns, ReturnFile file, Map<String, String> currentCodes) {
    Dataset<Row> rows = spark.read().option("header", "true").csv(returns + "/*/" + file.fileName());
    Column council = col("la_code");
    List<String> former = new ArrayList<>(currentCodes.keySet());
    for (String code : former) {
      council = org.apache.spark.sql.functions.when(col("la_code").equalTo(code), lit(currentCodes.get(code)))
          .otherwise(council);
    }
    return rows.withColumn(Lineage.COUNCIL, coalesce(council, col("la_code")))
        .withColumn(Lineage.COLLECTION_YEAR, col("collection_year").cast("int"));
  }
}
