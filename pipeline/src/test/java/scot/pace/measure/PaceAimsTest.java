package scot.pace.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PACE Aim 1, Aim 2's shares, the later stages and the children still waiting, on worked cases. */
class PaceAimsTest {
  static SparkSession spark;
  static final String LA = "S12000023";
  static final Date SNAPSHOT = Date.valueOf("2021-07-31");

  @BeforeAll
  static void start() {
    spark = scot.pace.SharedSpark.session();
  }


  static Date d(String date) {
    return date == null ? null : Date.valueOf(date);
  }

  static Dataset<Row> firstYears(int year) {
    return spark.createDataFrame(List.of(RowFactory.create(LA, year)), StructType.fromDDL("council STRING, first_year INT"));
  }

  static Dataset<Row> milestones(Object[]... rows) {
    return spark.createDataFrame(java.util.Arrays.stream(rows)
            .map(r -> RowFactory.create(LA, r[0], r[1], d((String) r[2]))).toList(),
        StructType.fromDDL("council STRING, child_key STRING, milestone STRING, milestone_date DATE"));
  }

  @Test
  void aim1CountsTheOrdersStillRunningAtTwoYearsAndTheirRecommendations() {
    // Orders begun in the 2018 collection year (Aug 2017 - Jul 2018), the snapshot 31 July 2021:
    // a: ended after 400 days; b: ran 800 days, recommended at day 500; c: still running, no
    // recommendation; d: began too late (2019-12-01) to be followed two years; e: recommended after
    // 800 days, outside the window.
    Dataset<Row> journeys = spark.createDataFrame(List.of(
            RowFactory.create(LA, "a", 1, d("2017-09-01"), d("2018-10-06"), SNAPSHOT),
            RowFactory.create(LA, "b", 1, d("2017-09-01"), d("2019-11-10"), SNAPSHOT),
            RowFactory.create(LA, "c", 1, d("2018-01-01"), null, SNAPSHOT),
            RowFactory.create(LA, "d", 1, d("2019-12-01"), null, SNAPSHOT),
            RowFactory.create(LA, "e", 1, d("2018-03-01"), null, SNAPSHOT),
            RowFactory.create(LA, "early", 1, d("2016-03-01"), null, SNAPSHOT)),
        StructType.fromDDL("council STRING, child_key STRING, spell_number INT, home_order_start DATE,"
            + " home_order_end DATE, latest_snapshot DATE"));
    Dataset<Row> milestones = milestones(new Object[] {"b", "REC", "2019-01-14"},
        new Object[] {"e", "REC", "2020-05-20"}, new Object[] {"c", "PANEL", "2018-06-01"});

    Dataset<Row> orders = Aim1.orders(journeys, milestones, firstYears(2017));
    Map<String, Row> byChild = orders.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("child_key")), r -> r));
    assertEquals(5, byChild.size(), "the order begun before the first return year is left out");
    assertEquals(400, byChild.get("a").<Integer>getAs("order_days"));
    assertEquals(false, byChild.get("a").getAs("still_on_2y"));
    assertEquals(true, byChild.get("b").getAs("rec_by_2y"));
    assertEquals(false, byChild.get("c").getAs("rec_by_2y"), "a panel is not a recommendation");
    assertEquals(false, byChild.get("d").getAs("followed_2y"));
    assertEquals(false, byChild.get("e").getAs("rec_by_2y"), "recommended 811 days in");

    Row year = Aim1.of(orders).where("council = '" + LA + "' AND cohort_year = 2018").first();
    assertEquals(4L, year.<Long>getAs("orders"));
    assertEquals(4L, year.<Long>getAs("followed_2y"));
    assertEquals(3L, year.<Long>getAs("still_on_2y"));
    assertEquals(0.75, year.<Double>getAs("still_on_2y_share"), 1e-12);
    assertEquals(1L, year.<Long>getAs("rec_by_2y"));
    assertEquals(1.0 / 3, year.<Double>getAs("rec_by_2y_share"), 1e-12);
    assertEquals(0.75, year.<Double>getAs("km_still_on_2y"), 1e-12, "no order censored before 730 days");

    Row later = Aim1.of(orders).where("council = '" + LA + "' AND cohort_year = 2020").first();
    assertEquals(0L, later.<Long>getAs("followed_2y"));
    assertNull(later.getAs("still_on_2y_share"));

    List<Row> shares = Aim1.proportions(orders).orderBy("year").collectAsList();
    assertEquals(1, shares.size(), "2020 is not complete: its order cannot yet be followed two years");
    assertEquals(2018, shares.get(0).<Integer>getAs("year"));
    assertEquals(3L, shares.get(0).<Long>getAs("numerator"));
    assertEquals(4L, shares.get(0).<Long>getAs("denominator"));
  }

  @Test
  void aim2SharesCountOnlyCohortsFollowedTwentySixWeeks() {
    // 2020 cohort (accommodated Aug 2019 - Jul 2020): recommended at 100 days, at 200 days, went
    // home at 50 days without one. The 2021 cohort's last child came in a week before the snapshot.
    Dataset<Row> journeys = spark.createDataFrame(List.of(
            RowFactory.create(LA, "a", d("2019-09-01"), d("2019-12-10"), null, null, null, SNAPSHOT),
            RowFactory.create(LA, "b", d("2019-09-01"), d("2020-03-19"), null, null, null, SNAPSHOT),
            RowFactory.create(LA, "c", d("2019-09-01"), null, d("2019-10-21"), null, null, SNAPSHOT),
            RowFactory.create(LA, "d", d("2021-07-24"), null, null, null, SNAPSHOT, SNAPSHOT)),
        StructType.fromDDL("council STRING, child_key STRING, first_accommodated DATE, first_recommendation DATE,"
            + " permanence_date DATE, exit_date DATE, censor_date DATE, latest_snapshot DATE"));
    List<Row> shares = Aim2.proportions(journeys, firstYears(2019)).collectAsList();
    assertEquals(1, shares.size());
    assertEquals(2020, shares.get(0).<Integer>getAs("year"));
    assertEquals(1L, shares.get(0).<Long>getAs("numerator"));
    assertEquals(3L, shares.get(0).<Long>getAs("denominator"));
  }

  @Test
  void laterStagesRunFromEachMilestoneToTheFirstNextOneAfterIt() {
    Dataset<Row> milestones = milestones(
        new Object[] {"a", "REC", "2019-01-01"}, new Object[] {"a", "PANEL", "2019-03-02"},
        new Object[] {"a", "ADM", "2019-03-12"}, new Object[] {"a", "LODGED", "2019-06-10"},
        new Object[] {"a", "GRANTED", "2019-12-07"},
        new Object[] {"b", "REC", "2019-02-01"}, new Object[] {"b", "PANEL", "2019-05-12"},
        new Object[] {"b", "ADM", "2019-06-01"},
        // c: a panel before its recommendation does not count; the later one does.
        new Object[] {"c", "PANEL", "2018-12-01"}, new Object[] {"c", "REC", "2019-01-10"},
        new Object[] {"c", "PANEL", "2019-02-09"},
        // d: completed in 2017, before the returns began in 2019.
        new Object[] {"d", "REC", "2017-01-01"}, new Object[] {"d", "PANEL", "2017-03-01"});
    Map<String, Row> stages = LaterStages.of(LaterStages.childStages(milestones), firstYears(2019))
        .where("council = '" + LA + "'").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(1) + " " + r.getInt(2), r -> r));

    assertEquals(null, stages.get("REC_TO_PANEL 2017"), "before the first return year");
    Row recToPanel = stages.get("REC_TO_PANEL 2019");
    assertEquals(3L, recToPanel.<Long>getAs("children"));
    assertEquals(60.0, recToPanel.<Double>getAs("median_days"), 0, "30, 60 and 100 days");
    assertEquals(45.0, recToPanel.<Double>getAs("q1_days"), 0);
    assertEquals(80.0, recToPanel.<Double>getAs("q3_days"), 0);
    assertNull(recToPanel.getAs("within_target"));
    Row panelToAdm = stages.get("PANEL_TO_ADM 2019");
    assertEquals(2L, panelToAdm.<Long>getAs("children"));
    assertEquals(0.5, panelToAdm.<Double>getAs("within_target"), 0, "10 days within 14, 20 days not");
    assertEquals(14, panelToAdm.<Integer>getAs("target_days"));
    assertEquals(90.0, stages.get("ADM_TO_LODGED 2019").<Double>getAs("median_days"), 0);
    assertEquals(180.0, stages.get("LODGED_TO_GRANTED 2020").<Double>getAs("median_days"), 0,
        "granted in December 2019: the 2020 collection year");
  }

  @Test
  void stillWaitingListsEachChildWithItsPlacementAtTheSnapshot() {
    Dataset<Row> journeys = spark.createDataFrame(List.of(
            RowFactory.create(LA, "waits", "5-11", d("2020-07-31"), null, SNAPSHOT, SNAPSHOT, 2),
            RowFactory.create(LA, "recommended", "1-4", d("2020-07-31"), d("2021-01-01"), SNAPSHOT, SNAPSHOT, 1),
            RowFactory.create(LA, "went home", "1-4", d("2020-07-31"), null, null, SNAPSHOT, 1)),
        StructType.fromDDL("council STRING, child_key STRING, age_band STRING, first_accommodated DATE,"
            + " first_recommendation DATE, censor_date DATE, latest_snapshot DATE, placement_count INT"));
    Dataset<Row> placements = spark.createDataFrame(List.of(
            RowFactory.create(LA, "waits", d("2020-07-31"), d("2021-02-01"), "FOS_LA"),
            RowFactory.create(LA, "waits", d("2021-02-01"), null, "KIN")),
        StructType.fromDDL("council STRING, child_key STRING, placement_start DATE, placement_end DATE,"
            + " placement_type STRING"));
    List<Row> waiting = StillWaiting.of(journeys, placements).collectAsList();
    assertEquals(1, waiting.size());
    assertEquals("waits", waiting.get(0).<String>getAs("child_key"));
    assertEquals(365 / 7.0, waiting.get(0).<Double>getAs("weeks_waited"), 1e-12);
    assertEquals("KIN", waiting.get(0).<String>getAs("placement_type"));
  }
}
