package scot.pace.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scot.pace.stats.RunRules;

/**
 * Run charts of hand-made series, one child a month unless said: a council whose waits fell from
 * about 100 weeks to about 65 when it joined PACE on 1 January 2020, a council with no start date,
 * one with five points, and a busy council whose children, ten a month, would signal if each were
 * a point though their monthly medians vary at random.
 */
class RunChartTest {
  static SparkSession spark;
  static Dataset<Row> points;
  static Dataset<Row> months;
  static Dataset<Row> phases;

  static final String PACE_COUNCIL = "S12000005";
  static final String NO_START = "S12000006";
  static final String FEW = "S12000008";
  static final String BUSY = "S12000049";

  @BeforeAll
  static void build() {
    spark = scot.pace.SharedSpark.session();
    List<Row> journeys = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Baseline: 90 and 110 weeks in turn, a month apart from January 2018; median 100.
      journeys.add(child(PACE_COUNCIL, "b" + i, LocalDate.of(2018, 1, 15).plusMonths(i), i % 2 == 0 ? 90 : 110));
      // After the start: 60 and 70 weeks in turn, all below the baseline's median.
      journeys.add(child(PACE_COUNCIL, "p" + i, LocalDate.of(2020, 2, 10).plusMonths(i), i % 2 == 0 ? 60 : 70));
      journeys.add(child(NO_START, "n" + i, LocalDate.of(2019, 1, 5).plusMonths(i), 50 + i));
    }
    // Two children in February 2020 besides p0: the month's median of 60, 64 and 80 weeks is 64.
    journeys.add(child(PACE_COUNCIL, "p-second", LocalDate.of(2020, 2, 21), 80));
    journeys.add(child(PACE_COUNCIL, "p-third", LocalDate.of(2020, 2, 25), 64));
    for (int i = 0; i < 5; i++) {
      journeys.add(child(FEW, "f" + i, LocalDate.of(2019, 1, 1).plusMonths(i), 40 + 10 * (i % 2)));
    }
    for (int month = 0; month < 20; month++) {
      // Ten children a month, their waits rising through the month from 10 to 100 weeks (plus one
      // in even months, less one in odd): monthly medians of 56 and 54 in turn.
      for (int k = 0; k < 10; k++) {
        journeys.add(child(BUSY, "busy" + month + "-" + k, LocalDate.of(2019, 1, 1).plusMonths(month).plusDays(2L * k),
            10 * (k + 1) + (month % 2 == 0 ? 1 : -1)));
      }
    }
    journeys.add(child(PACE_COUNCIL, "before the returns", LocalDate.of(2015, 3, 1), 500));
    Dataset<Row> councils = spark.createDataFrame(List.of(
            RowFactory.create(PACE_COUNCIL, Date.valueOf("2020-01-01")), RowFactory.create(NO_START, null),
            RowFactory.create(FEW, Date.valueOf("2016-01-01")), RowFactory.create(BUSY, null)),
        StructType.fromDDL("council STRING, pace_start DATE"));
    Dataset<Row> firstYears = spark.createDataFrame(List.of(
            RowFactory.create(PACE_COUNCIL, 2016), RowFactory.create(NO_START, 2016), RowFactory.create(FEW, 2016),
            RowFactory.create(BUSY, 2016)),
        StructType.fromDDL("council STRING, first_year INT"));
    points = RunChart.points(spark.createDataFrame(journeys, StructType.fromDDL(
            "council STRING, child_key STRING, first_accommodated DATE, first_recommendation DATE")),
        councils, firstYears).cache();
    months = RunChart.months(points).cache();
    phases = RunChart.phases(months).cache();
  }

  static Row child(String council, String key, LocalDate recommended, int weeks) {
    return RowFactory.create(council, key, Date.valueOf(recommended.minusDays(7L * weeks)), Date.valueOf(recommended));
  }


  static Row phase(String council, String phase, String against) {
    return phases.where("council = '" + council + "' AND phase = '" + phase + "' AND against = '" + against + "'")
        .first();
  }

  @Test
  void theBaselineHasNoSignalAndItsMedianIsCarriedForward() {
    Row baseline = phase(PACE_COUNCIL, RunChart.BASELINE, RunChart.AGAINST_PHASE);
    assertEquals(12, baseline.<Integer>getAs("children"), "the child before the first return year is left out");
    assertEquals(12, baseline.<Integer>getAs("months"));
    assertEquals(100.0, baseline.<Double>getAs("median_weeks"), 1e-9);
    assertEquals(11, baseline.<Integer>getAs("crossings"));
    assertFalse(baseline.<Boolean>getAs("signal"));
    Row vsBaseline = phase(PACE_COUNCIL, RunChart.PACE, RunChart.AGAINST_BASELINE);
    assertEquals(100.0, vsBaseline.<Double>getAs("median_weeks"), 1e-9);
    assertEquals(12, vsBaseline.<Integer>getAs("longest_run"));
    assertEquals(7, vsBaseline.<Integer>getAs("run_limit"), "round(log2 12) + 3");
    assertTrue(vsBaseline.<Boolean>getAs("shift"), "twelve in a row below the baseline median");
    assertTrue(vsBaseline.<Boolean>getAs("too_few_crossings"), "no crossing, the limit is 3");
    assertEquals(3, vsBaseline.<Integer>getAs("crossing_limit"));
  }

  @Test
  void afterTheStartANewMedianWithoutSignal() {
    Row own = phase(PACE_COUNCIL, RunChart.PACE, RunChart.AGAINST_PHASE);
    assertEquals(67.0, own.<Double>getAs("median_weeks"), 1e-9, "February's 64, then 70 and 60 in turn: 64 and 70 in the middle");
    assertEquals(Date.valueOf("2020-02-01"), own.<Date>getAs("phase_start"), "the first month");
    assertEquals(14, own.<Integer>getAs("children"));
    assertEquals(12, own.<Integer>getAs("months"), "one point a month, February's of three children");
    assertFalse(own.<Boolean>getAs("signal"));
  }

  @Test
  void aCouncilWithoutAStartHasOnePhaseAndASmallOneNoVerdict() {
    assertEquals(1, phases.where("council = '" + NO_START + "'").count());
    Row all = phase(NO_START, RunChart.ALL, RunChart.AGAINST_PHASE);
    assertEquals(55.5, all.<Double>getAs("median_weeks"), 1e-9, "50 to 61 weeks: the mean of 55 and 56");
    assertFalse(all.<Boolean>getAs("shift"), "a steady rise: two runs of six, within the limit of 7");
    assertTrue(all.<Boolean>getAs("too_few_crossings"), "one crossing, fewer than 3");
    Row few = phase(FEW, RunChart.PACE, RunChart.AGAINST_PHASE);
    assertTrue(few.<Boolean>getAs("too_few_points"));
    assertFalse(few.<Boolean>getAs("signal"));
    assertEquals(0, phases.where("council = '" + FEW + "' AND against = '" + RunChart.AGAINST_BASELINE + "'").count(),
        "no baseline points, so nothing to compare against");
  }

  @Test
  void pointsAndMonthsCarryTheirMedians() {
    Dataset<Row> withMedians = RunChart.withMedians(points, phases);
    Row point = withMedians.where("child_key = 'p3'").first();
    assertEquals(70.0, point.<Double>getAs("weeks"), 1e-9);
    assertEquals(67.0, point.<Double>getAs("phase_median"), 1e-9);
    assertEquals(100.0, point.<Double>getAs("baseline_median"), 1e-9);
    assertEquals(243, withMedians.count());
    Row month = months.where("council = '" + PACE_COUNCIL + "' AND month = DATE'2020-02-01'").first();
    assertEquals(3L, month.<Long>getAs("points"), "10, 21 and 25 February");
    assertEquals(64.0, month.<Double>getAs("median_weeks"), 1e-9);
  }

  @Test
  void theRulesJudgeMonthlyMediansNotChildren() {
    double[] children = points.where("council = '" + BUSY + "'").orderBy("point_date", "child_key")
        .collectAsList().stream().mapToDouble(r -> r.<Double>getAs("weeks")).toArray();
    RunRules perChild = RunRules.of(children, RunChart.median(children));
    assertTrue(perChild.hasTooFewCrossings(), "the fixture: one point per child would signal");
    Row all = phase(BUSY, RunChart.ALL, RunChart.AGAINST_PHASE);
    assertEquals(200, all.<Integer>getAs("children"));
    assertEquals(20, all.<Integer>getAs("months"));
    assertEquals(55.0, all.<Double>getAs("median_weeks"), 1e-9, "the median of 56 and 54 in turn");
    assertEquals(19, all.<Integer>getAs("crossings"));
    assertFalse(all.<Boolean>getAs("signal"), "monthly medians alternating about their median: random variation");
  }
}
