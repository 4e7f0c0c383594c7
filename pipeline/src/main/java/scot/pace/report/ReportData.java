package scot.pace.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.lake.Lake;
import scot.pace.measure.Aim2;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.CouncilComparison;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.StillWaiting;
import scot.pace.measure.TimeToPermanence;
import scot.pace.publish.ProtectedRow;
import scot.pace.publish.Publication;
import scot.pace.failure.LakeStateFailure;

/**
 * What a report draws. The published pages get only the {@link Publication}'s protected rows, in
 * which a withheld value is null, so a page cannot show what the protection withheld; the
 * restricted pages get each council's child-level rows ({@code runPoints}, {@code waiting}) from
 * the gold tables.
 */
record ReportData(
    List<CouncilInfo> councils,
    LocalDate latestSnapshot,
    int firstYear,
    int lastYear,
    List<ProtectedRow> comparison,
    List<ProtectedRow> trends,
    List<ProtectedRow> limits,
    List<ProtectedRow> summaries,
    Map<String, List<ProtectedRow>> points,
    List<ProtectedRow> kinship,
    List<ProtectedRow> stages,
    List<ProtectedRow> phases,
    Map<String, List<ProtectedRow>> months,
    Map<String, List<Row>> runPoints,
    Map<String, List<Row>> runMonths,
    Map<String, List<Row>> waiting,
    List<ProtectedRow> aim2) {

  /** A council as configured, or Scotland. */
  record CouncilInfo(String code, String name, LocalDate paceStart, int aimWeeks) {}

  static final String POPULATION = "accommodated";

  static ReportData read(SparkSession spark, Lake lake, Publication publication) {
    requireBuilt(spark, lake);
    List<CouncilInfo> councils = new ArrayList<>();
    for (ProtectedRow row : publication.rowsOf(OutputCatalogue.COUNCILS).stream()
        .sorted(Comparator.comparing(r -> r.<String>key("council_name"))).toList()) {
      String code = row.key("council");
      if (!code.equals(CohortOutcomes.SCOTLAND)) {
        java.sql.Date start = row.get("pace_start");
        Integer aim = row.get("aim_weeks");
        councils.add(new CouncilInfo(code, row.key("council_name"), start == null ? null : start.toLocalDate(),
            aim == null ? 26 : aim));
      }
    }
    List<ProtectedRow> kinship = publication.rowsOf(KinshipShare.TABLE).stream()
        .sorted(Comparator.comparing((ProtectedRow r) -> r.<String>key("council"))
            .thenComparing(r -> r.<Integer>key("collection_year"))).toList();
    LocalDate snapshot = kinship.stream().map(r -> r.<java.sql.Date>key("snapshot_date").toLocalDate())
        .max(Comparator.naturalOrder()).orElseThrow(() -> new LakeStateFailure("the lake at " + lake.root()
            + " has no rows in " + KinshipShare.TABLE + "; run `pace build` first"));
    int first = kinship.stream().mapToInt(r -> r.<Integer>key("collection_year")).min().orElseThrow();
    int last = kinship.stream().mapToInt(r -> r.<Integer>key("collection_year")).max().orElseThrow();
    List<ProtectedRow> trends = publication.rowsOf(CouncilComparison.TABLE).stream()
        .sorted(Comparator.comparing((ProtectedRow r) -> r.<String>key("measure"))
            .thenComparing(r -> r.<String>key("council")).thenComparing(r -> r.<Integer>key("year"))).toList();
    List<ProtectedRow> comparison = trends.stream().filter(r -> r.<Boolean>key("latest")).toList();
    List<ProtectedRow> limits = publication.rowsOf(CouncilComparison.LIMITS_TABLE).stream()
        .filter(r -> comparison.stream().anyMatch(c -> c.key("measure").equals(r.key("measure"))
            && c.key("year").equals(r.key("year"))))
        .sorted(Comparator.comparing((ProtectedRow r) -> r.<String>key("measure")).thenComparing(r -> r.<Integer>key("n")))
        .toList();
    Map<String, List<Row>> runPoints = group(lake.read(spark, RunChart.POINTS)
        .orderBy("council", "point_date", "child_key").collectAsList());
    Map<String, List<Row>> runMonths = group(lake.read(spark, RunChart.MONTHS)
        .orderBy("council", "month", "phase").collectAsList());
    Map<String, List<Row>> waiting = group(lake.read(spark, StillWaiting.TABLE).collectAsList());
    return new ReportData(councils, snapshot, first, last, comparison, trends, limits,
        publication.rowsOf(TimeToPermanence.SUMMARY).stream()
            .filter(r -> r.key("population").equals(POPULATION)).toList(),
        byCouncil(publication.rowsOf(TimeToPermanence.POINTS).stream()
            .filter(r -> r.key("population").equals(POPULATION)).toList()),
        kinship,
        publication.rowsOf(LaterStages.TABLE).stream()
            .sorted(Comparator.comparing((ProtectedRow r) -> r.<String>key("council"))
                .thenComparing(r -> r.<String>key("stage")).thenComparing(r -> r.<Integer>key("year"))).toList(),
        publication.rowsOf(RunChart.PHASES),
        byCouncil(publication.rowsOf(RunChart.MONTHS).stream()
            .sorted(Comparator.comparing((ProtectedRow r) -> r.<java.sql.Date>key("month"))
                .thenComparing(r -> r.<String>key("phase"))).toList()),
        runPoints, runMonths, waiting,
        publication.rowsOf(Aim2.TABLE).stream()
            .sorted(Comparator.comparing((ProtectedRow r) -> r.<String>key("council"))
                .thenComparing(r -> r.<Integer>key("cohort_year"))).toList());
  }

  /** Fails unless {@code lake} holds every table the build writes ({@code spark} may be null for a local lake). */
  static void requireBuilt(SparkSession spark, Lake lake) {
    lake.require(spark, OutputCatalogue.built().stream().map(scot.pace.catalogue.Output::table).toList(), "pace build");
  }

  private static Map<String, List<Row>> group(List<Row> rows) {
    Map<String, List<Row>> grouped = new LinkedHashMap<>();
    for (Row row : rows) {
      grouped.computeIfAbsent(row.getAs("council"), k -> new ArrayList<>()).add(row);
    }
    return grouped;
  }

  private static Map<String, List<ProtectedRow>> byCouncil(List<ProtectedRow> rows) {
    Map<String, List<ProtectedRow>> grouped = new LinkedHashMap<>();
    for (ProtectedRow row : rows) {
      grouped.computeIfAbsent(row.key("council"), k -> new ArrayList<>()).add(row);
    }
    return grouped;
  }

  /** The summary row of a council's cohort, or null. */
  ProtectedRow summary(String council, int cohortYear) {
    for (ProtectedRow row : summaries) {
      if (row.<String>key("council").equals(council) && row.<Integer>key("cohort_year") == cohortYear) {
        return row;
      }
    }
    return null;
  }

  /** A council's curve point of a cohort on that day (a quarter year), or null. */
  ProtectedRow point(String council, int cohortYear, int days) {
    for (ProtectedRow row : points.getOrDefault(council, List.of())) {
      if (row.<Integer>key("cohort_year") == cohortYear && row.<Integer>key("days") == days) {
        return row;
      }
    }
    return null;
  }

  /** The latest cohort year Scotland has followed four years (its 4-year point exists). */
  int latestFourYearCohort() {
    int latest = firstYear;
    for (ProtectedRow row : points.getOrDefault(CohortOutcomes.SCOTLAND, List.of())) {
      if (row.<Integer>key("days") == TimeToPermanence.quarterDays(16) && row.values().get("within") != null) {
        latest = Math.max(latest, row.<Integer>key("cohort_year"));
      }
    }
    return latest;
  }

  /** A council's curve points by cohort year, in time order. */
  Map<Integer, List<ProtectedRow>> curvesByCohort(String council) {
    Map<Integer, List<ProtectedRow>> byYear = new TreeMap<>();
    for (ProtectedRow row : points.getOrDefault(council, List.of())) {
      byYear.computeIfAbsent(row.key("cohort_year"), k -> new ArrayList<>()).add(row);
    }
    byYear.values().forEach(rows -> rows.sort(Comparator.comparing(r -> r.<Integer>key("days"))));
    return byYear;
  }
}
