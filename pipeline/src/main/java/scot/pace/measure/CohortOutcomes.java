package scot.pace.measure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Each child's follow-up in each population's cohort: the cohort year (the collection year in
 * which its origin falls, 1 August to 31 July), days from origin to outcome or censoring, the
 * outcome's cause number ({@link OutcomeKind}), and the days it could have been followed (origin
 * to the council's latest snapshot), for the naive SCRA-style figures.
 *
 * <p>A child enters a cohort only when the cohort year is one the council's returns cover from
 * its start (earlier cohorts would hold only the children still in care when the first return was
 * made) and when its origin is not after its outcome (a child accommodated only after an earlier
 * return home reached permanence before it was accommodated, and is not at risk).
 */
public final class CohortOutcomes {
  public static final String SCOTLAND = "S92000003";
  public static final String ALL_AGES = "all";

  private CohortOutcomes() {}

  /**
   * @param journeys {@code silver_journeys}
   * @param firstYears per {@code council}, {@code first_year}: the first collection year held
   */
  public static Dataset<Row> of(Dataset<Row> journeys, Dataset<Row> firstYears) {
    Dataset<Row> all = null;
    for (Population population : Population.values()) {
      String origin = population.originColumn();
      Dataset<Row> rows =
          journeys.where(col(origin).isNotNull())
              .withColumn("origin", col(origin))
              .withColumn("outcome_date", expr("coalesce(permanence_date, exit_date, censor_date)"))
              .where("outcome_date >= origin")
              .join(firstYears, "council")
              .withColumn("cohort_year", expr("year(origin) + IF(month(origin) >= 8, 1, 0)"))
              .where("cohort_year >= first_year")
              .select(
                  lit(population.label()).as("population"),
                  col("council"),
                  col("cohort_year"),
                  col("age_band"),
                  expr("datediff(outcome_date, origin)").as("days"),
                  expr("CASE WHEN permanence_date IS NOT NULL THEN CASE permanence_route WHEN 'HOME' THEN 1"
                      + " WHEN 'KCO' THEN 2 WHEN 'PO' THEN 3 WHEN 'POA' THEN 4 WHEN 'ADOPTION' THEN 5 END"
                      + " WHEN exit_date IS NOT NULL THEN 6 ELSE 0 END").as("cause"),
                  expr("datediff(latest_snapshot, origin)").as("followable_days"),
                  col("permanence_with_kin").as("with_kin"));
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  /**
   * The same rows once for each council and once for Scotland ({@value #SCOTLAND}), once by age
   * band and once for all ages ({@value #ALL_AGES}).
   */
  public static Dataset<Row> withScotlandAndAllAges(Dataset<Row> outcomes) {
    Dataset<Row> councils = outcomes.unionByName(outcomes.withColumn("council", lit(SCOTLAND)));
    return councils.unionByName(councils.withColumn("age_band", lit(ALL_AGES)));
  }
}
