package scot.pace.measure;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scot.pace.journey.Journeys;

/**
 * Each spell's follow-up in each population's cohort: the cohort year (the collection year in
 * which its origin falls, 1 August to 31 July), the age band at that origin, days from origin to
 * outcome or censoring, the outcome's cause number ({@link OutcomeKind}), and the days it could
 * have been followed (origin to the council's latest snapshot), for the naive SCRA-style figures.
 * A child who comes back into care after an outcome is in the cohort of each spell's origin.
 *
 * <p>A spell enters a cohort only when the cohort year is one the council's returns cover from
 * its start (earlier cohorts would hold only the children still in care when the first return was
 * made) and when its origin is not after its outcome (a spell accommodated only after it reached
 * permanence, on a permanence order at home, is not at risk).
 *
 * <p>{@code history_incomplete} marks the council's first {@value #HISTORY_YEARS} cohort years:
 * a child whose earlier spell ended before the first return is in no return, so a spell there may
 * be a re-entry counted as spell 1. The cohorts themselves are complete (every spell that began in
 * a covered year is in that year's return); only spell numbers and re-entries may be too low.
 */
public final class CohortOutcomes {
  public static final String SCOTLAND = "S92000003";
  public static final String ALL_AGES = "all";
  public static final String TABLE = "gold_cohort_spells";

  /**
   * How many of a council's first cohort years are marked: the generator's re-entries come after a
   * gap of 300 days on average, and fewer than 3% after three years.
   */
  public static final int HISTORY_YEARS = 3;

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
                  expr(Journeys.ageBand(Journeys.age("dob", "origin"))).as("age_band"),
                  col("child_key"),
                  col("spell_number"),
                  expr("datediff(outcome_date, origin)").as("days"),
                  expr("CASE WHEN permanence_date IS NOT NULL THEN CASE permanence_route WHEN 'HOME' THEN 1"
                      + " WHEN 'KCO' THEN 2 WHEN 'PO' THEN 3 WHEN 'POA' THEN 4 WHEN 'ADOPTION' THEN 5 END"
                      + " WHEN exit_date IS NOT NULL THEN 6 ELSE 0 END").as("cause"),
                  expr("datediff(latest_snapshot, origin)").as("followable_days"),
                  col("permanence_with_kin").as("with_kin"),
                  expr("cohort_year < first_year + " + HISTORY_YEARS).as("history_incomplete"));
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  /**
   * {@code gold_cohort_spells}: the rows of {@link #of} with the outcome named ({@code outcome}:
   * a route, {@code LEFT_CARE} or {@code CENSORED}). Child-level and never published: it is what
   * the estimates are computed from, for a researcher (or R) to recompute them.
   */
  public static Dataset<Row> table(Dataset<Row> outcomes) {
    StringBuilder names = new StringBuilder("CASE cause");
    for (OutcomeKind kind : OutcomeKind.values()) {
      names.append(" WHEN ").append(kind.cause()).append(" THEN '").append(kind.name()).append("'");
    }
    return outcomes.withColumn("outcome", expr(names.append(" END").toString()))
        .select("population", "council", "cohort_year", "age_band", "child_key", "spell_number", "days", "cause",
            "outcome", "followable_days", "with_kin", "history_incomplete");
  }

  /**
   * The same rows once for their council and once for Scotland ({@value #SCOTLAND}), in one pass
   * over {@code rows}: a union of the two would compute everything beneath {@code rows} twice.
   */
  public static Dataset<Row> withScotland(Dataset<Row> rows) {
    return rows.withColumn("council", explode(array(col("council"), lit(SCOTLAND))));
  }

  /**
   * The same rows once for each council and once for Scotland ({@value #SCOTLAND}), once by age
   * band and once for all ages ({@value #ALL_AGES}), in one pass over {@code outcomes}.
   */
  public static Dataset<Row> withScotlandAndAllAges(Dataset<Row> outcomes) {
    return withScotland(outcomes).withColumn("age_band", explode(array(col("age_band"), lit(ALL_AGES))));
  }
}
