package scot.pace.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.build.LakeBuild;
import scot.pace.lake.Lake;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.CouncilComparison;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.StillWaiting;
import scot.pace.measure.TimeToPermanence;

/**
 * The gold tables a report draws, read once from the lake into plain values (they are small:
 * tens of thousands of rows at most). Exact counts: disclosure control is applied as the pages
 * are written.
 */
record ReportData(
    List<CouncilInfo> councils,
    LocalDate latestSnapshot,
    int firstYear,
    int lastYear,
    List<Row> comparison,
    List<Row> limits,
    List<Row> summaries,
    Map<String, List<Row>> curves,
    List<Row> routes,
    List<Row> kinship,
    List<Row> stages,
    List<Row> phases,
    Map<String, List<Row>> points,
    Map<String, List<Row>> waiting,
    List<Row> aim2) {

  /** A council as configured, or Scotland. */
  record CouncilInfo(String code, String name, LocalDate paceStart, int aimWeeks) {}

  static final String POPULATION = "accommodated";

  static ReportData read(SparkSession spark, Lake lake) {
    for (String table : List.of(LakeBuild.COUNCILS, CouncilComparison.TABLE, TimeToPermanence.CURVES,
        RunChart.PHASES)) {
      if (!lake.exists(spark, table)) {
        throw new IllegalArgumentException("the lake at " + lake.root() + " has no " + table
            + " table; run `pace build` (or `pace nightly`) first");
      }
    }
    List<CouncilInfo> councils = new ArrayList<>();
    for (Row row : lake.read(spark, LakeBuild.COUNCILS).orderBy("council_name").collectAsList()) {
      String code = row.getAs("council");
      if (!code.equals(CohortOutcomes.SCOTLAND)) {
        java.sql.Date start = row.getAs("pace_start");
        Integer aim = row.getAs("aim_weeks");
        councils.add(new CouncilInfo(code, row.getAs("council_name"), start == null ? null : start.toLocalDate(),
            aim == null ? 26 : aim));
      }
    }
    Dataset<Row> kinship = lake.read(spark, KinshipShare.TABLE);
    Row span = kinship.selectExpr("max(snapshot_date)", "min(collection_year)", "max(collection_year)").first();
    Map<String, List<Row>> curves = group(lake.read(spark, TimeToPermanence.CURVES)
        .where("population = '" + POPULATION + "'").orderBy("council", "cohort_year", "days").collectAsList(),
        "council");
    Map<String, List<Row>> points = group(lake.read(spark, RunChart.POINTS).orderBy("council", "point_date", "child_key")
        .collectAsList(), "council");
    Map<String, List<Row>> waiting = group(lake.read(spark, StillWaiting.TABLE).collectAsList(), "council");
    return new ReportData(councils, span.getDate(0).toLocalDate(), span.getInt(1), span.getInt(2),
        lake.read(spark, CouncilComparison.TABLE).where("latest").collectAsList(),
        lake.read(spark, CouncilComparison.LIMITS_TABLE).join(
                lake.read(spark, CouncilComparison.TABLE).where("latest").select("measure", "year").distinct(),
                new String[] {"measure", "year"}).orderBy("measure", "n").collectAsList(),
        lake.read(spark, TimeToPermanence.SUMMARY)
            .where("population = '" + POPULATION + "' AND age_band = '" + CohortOutcomes.ALL_AGES + "'")
            .collectAsList(),
        curves,
        lake.read(spark, TimeToPermanence.ROUTES)
            .where("population = '" + POPULATION + "' AND age_band = '" + CohortOutcomes.ALL_AGES + "'")
            .collectAsList(),
        kinship.orderBy("council", "collection_year").collectAsList(),
        lake.read(spark, LaterStages.TABLE).orderBy("council", "stage", "year").collectAsList(),
        lake.read(spark, RunChart.PHASES).collectAsList(),
        points, waiting,
        lake.read(spark, scot.pace.measure.Aim2.TABLE).orderBy("council", "cohort_year").collectAsList());
  }

  private static Map<String, List<Row>> group(List<Row> rows, String column) {
    Map<String, List<Row>> grouped = new LinkedHashMap<>();
    for (Row row : rows) {
      grouped.computeIfAbsent(row.getAs(column), k -> new ArrayList<>()).add(row);
    }
    return grouped;
  }

  /** The summary row of a council's cohort, or null. */
  Row summary(String council, int cohortYear) {
    for (Row row : summaries) {
      if (row.<String>getAs("council").equals(council) && row.<Integer>getAs("cohort_year") == cohortYear) {
        return row;
      }
    }
    return null;
  }

  /** The latest cohort year Scotland has followed four years (its 4-year figure exists). */
  int latestFourYearCohort() {
    int latest = firstYear;
    for (Row row : summaries) {
      if (row.<String>getAs("council").equals(CohortOutcomes.SCOTLAND) && row.getAs("within_4y") != null) {
        latest = Math.max(latest, row.<Integer>getAs("cohort_year"));
      }
    }
    return latest;
  }

  /** A council's curve rows by cohort year. */
  Map<Integer, List<Row>> curvesByCohort(String council) {
    Map<Integer, List<Row>> byYear = new TreeMap<>();
    for (Row row : curves.getOrDefault(council, List.of())) {
      byYear.computeIfAbsent(row.getAs("cohort_year"), k -> new ArrayList<>()).add(row);
    }
    return byYear;
  }
}
