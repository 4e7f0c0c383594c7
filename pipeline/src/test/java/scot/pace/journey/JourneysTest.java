package scot.pace.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scot.pace.lake.BronzeTables;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.TimeToPermanence;
import scot.pace.returns.ReturnFile;

/** Journeys from tiny, named bronze fixtures: one council, returns 2019 to 2021. */
class JourneysTest {
  static SparkSession spark;
  static final PseudonymKey KEY = PseudonymKey.demo();
  static final String LA = "S12000023";
  static List<Row> children = new ArrayList<>();
  static List<Row> episodes = new ArrayList<>();
  static List<Row> placements = new ArrayList<>();
  static List<Row> milestones = new ArrayList<>();
  static Dataset<Row> journeys;

  @BeforeAll
  static void build() {
    spark = scot.pace.SharedSpark.session();
    childAdoptedOnTheSnapshotDay();
    childWhoWentHomeAndCameBackWithinAYear();
    childOnAPermanenceOrderWithKin();
    childStillWaitingWhoseEndDateWasFilledInLater();
    for (int year = 2019; year <= 2021; year++) {
      children.add(child("waiting", "2012-05-05", year));
    }
    journeys = Journeys.derive(
        Silver.children(frame(ReturnFile.CHILDREN, children), KEY),
        Silver.episodes(frame(ReturnFile.EPISODES, episodes), KEY),
        Silver.placements(frame(ReturnFile.PLACEMENTS, placements), Silver.episodes(frame(ReturnFile.EPISODES, episodes), KEY), KEY),
        Silver.milestones(frame(ReturnFile.PERMANENCE, milestones), Silver.episodes(frame(ReturnFile.EPISODES, episodes), KEY), KEY))
        .cache();
  }


  static void childAdoptedOnTheSnapshotDay() {
    children.add(child("adopted", "2018-01-10", 2020));
    children.add(child("adopted", "2018-01-10", 2021));
    episodes.add(episode("adopted", "E1", "2019-09-01", null, null, 2020));
    episodes.add(episode("adopted", "E1", "2019-09-01", "2021-07-31", "ADOPTED", 2021));
    placements.add(placement("adopted", "E1", "2019-09-01", null, "FOS_LA", 2020));
    placements.add(placement("adopted", "E1", "2019-09-01", "2020-12-01", "FOS_LA", 2021));
    placements.add(placement("adopted", "E1", "2020-12-01", "2021-07-31", "ADOPTERS", 2021));
    milestones.add(milestone("adopted", "E1", "REC", "2020-03-01", "ADOPTION", 2020));
    milestones.add(milestone("adopted", "E1", "REC", "2020-03-01", "ADOPTION", 2021));
    milestones.add(milestone("adopted", "E1", "GRANTED", "2021-07-31", "ADOPTION", 2021));
  }

  static void childWhoWentHomeAndCameBackWithinAYear() {
    children.add(child("returned", "2010-03-03", 2019));
    children.add(child("returned", "2010-03-03", 2020));
    episodes.add(episode("returned", "E1", "2018-10-01", "2019-06-30", "HOME", 2019));
    placements.add(placement("returned", "E1", "2018-10-01", "2019-06-30", "KIN", 2019));
    episodes.add(episode("returned", "E2", "2020-02-01", "2020-07-01", "OTHER_LA", 2020));
    placements.add(placement("returned", "E2", "2020-02-01", "2020-07-01", "RES_LA", 2020));
  }

  static void childOnAPermanenceOrderWithKin() {
    for (int year = 2019; year <= 2021; year++) {
      children.add(child("kin", "2015-06-01", year));
      episodes.add(episode("kin", "E1", "2018-09-15", null, null, year));
      placements.add(placement("kin", "E1", "2018-09-15", null, "KIN", year));
      if (year >= 2020) {
        milestones.add(milestone("kin", "E1", "GRANTED", "2020-05-05", "PO", year));
      }
    }
  }

  static void childStillWaitingWhoseEndDateWasFilledInLater() {
    episodes.add(episode("waiting", "E1", "2019-01-01", "2019-03-01", "HOME", 2019));
    episodes.add(episode("waiting", "E1", "2019-01-01", null, null, 2020));
    episodes.add(episode("waiting", "E1", "2019-01-01", null, null, 2021));
    placements.add(placement("waiting", "E1", "2019-01-01", null, "FOS_PUR", 2021));
  }

  @Test
  void permanenceOnTheSnapshotDayCountsAndIsNotCensored() {
    Row adopted = journey("adopted");
    assertEquals(Date.valueOf("2021-07-31"), adopted.getAs("permanence_date"));
    assertEquals("ADOPTION", adopted.getAs("permanence_route"));
    assertNull(adopted.getAs("censor_date"));
    assertEquals(2, (int) adopted.getAs("placement_count"));
    assertEquals(1, (int) adopted.getAs("age_at_entry"));
    assertEquals("1-4", adopted.getAs("age_band"));
  }

  @Test
  void aReturnHomeEndsTheFirstSpellAndTheReentryIsTheBalancingMeasure() {
    Row returned = spell("returned", 1);
    assertEquals(Date.valueOf("2019-06-30"), returned.getAs("permanence_date"));
    assertEquals("HOME", returned.getAs("permanence_route"));
    assertNull(returned.getAs("exit_date"), "the later exit belongs to the second spell");
    assertTrue(returned.<Boolean>getAs("reentered_within_12m"));
    assertEquals(Date.valueOf("2018-10-01"), returned.getAs("first_accommodated"));
  }

  @Test
  void aChildWhoComesBackIntoCareHasASecondSpellWithItsOwnOriginAndOutcome() {
    Row second = spell("returned", 2);
    assertEquals(Date.valueOf("2020-02-01"), second.getAs("first_looked_after"));
    assertEquals(Date.valueOf("2020-02-01"), second.getAs("first_accommodated"));
    assertNull(second.getAs("permanence_date"));
    assertEquals(Date.valueOf("2020-07-01"), second.getAs("exit_date"));
    assertEquals("OTHER_LA", second.getAs("exit_kind"));
    assertEquals(1, (int) second.getAs("placement_count"), "only the second spell's placement");
    assertFalse(second.<Boolean>getAs("reentered_within_12m"));
    assertEquals(2L, journeys.where("child_key = '" + ChildKey.of(KEY.secret(), LA, "returned") + "'").count());
    assertEquals(1L, journeys.where("child_key = '" + ChildKey.of(KEY.secret(), LA, "kin") + "'").count(),
        "a permanence order ends the spell; the episode going on after it starts no new one");
  }

  @Test
  void aPermanenceOrderWhilePlacedWithKinIsAKinshipRoute() {
    Row kin = journey("kin");
    assertEquals("PO", kin.getAs("permanence_route"));
    assertTrue(kin.<Boolean>getAs("permanence_with_kin"));
    assertFalse(journey("adopted").<Boolean>getAs("permanence_with_kin"));
  }

  @Test
  void theMostRecentReturnWinsAndAChildStillWaitingIsCensoredAtTheLatestSnapshot() {
    Row waiting = journey("waiting");
    assertNull(waiting.getAs("permanence_date"), "the 2019 return's end date was withdrawn later");
    assertEquals(Date.valueOf("2021-07-31"), waiting.getAs("censor_date"));
    assertFalse(waiting.<Boolean>getAs("reentered_within_12m"));
  }

  @Test
  void aCouncilWithASingleChildInACohortStillGetsItsMeasures() {
    Dataset<Row> firstYears = spark.sql("SELECT '" + LA + "' AS council, 2019 AS first_year");
    Dataset<Row> summary = TimeToPermanence.summary(TimeToPermanence.grouped(CohortOutcomes.of(journeys, firstYears)));
    Row cohort2020 = summary.where("population = 'accommodated' AND council = '" + LA + "' AND cohort_year = 2020"
        + " AND age_band = 'all'").first();
    assertEquals(2L, (long) cohort2020.<Long>getAs("children"),
        "adopted (accommodated 2019-09-01) and the second spell of returned (2020-02-01)");
    assertEquals(1L, (long) cohort2020.<Long>getAs("later_spells"));
    assertEquals(1L, (long) cohort2020.<Long>getAs("events"));
    assertEquals(1L, (long) cohort2020.<Long>getAs("competing"));
    assertNull(cohort2020.getAs("within_2y"), "followed 699 days at most: no figure at two years");
    assertNull(cohort2020.getAs("within_2y_interval"));
    assertEquals(699.0, cohort2020.<Double>getAs("median_days"), 0,
        "the incidence ends on 0.5 at day 699 (2019-09-01 to 2021-07-31): R's rule gives 699");
    assertTrue(cohort2020.<Boolean>getAs("history_incomplete"), "the council's second cohort year");
    Row cohort2019 = summary.where("population = 'accommodated' AND council = '" + LA + "' AND cohort_year = 2019"
        + " AND age_band = 'all'").first();
    assertEquals(3L, (long) cohort2019.<Long>getAs("children"), "returned, kin and waiting");
    assertEquals(2L, (long) cohort2019.<Long>getAs("events"));
    assertEquals(1L, (long) cohort2019.<Long>getAs("censored"));
  }

  @Test
  void aim2CountsWeeksFromAccommodationToTheFirstRecommendation() {
    assertEquals(Date.valueOf("2020-03-01"), journey("adopted").getAs("first_recommendation"));
    assertNull(journey("waiting").getAs("first_recommendation"));
    Dataset<Row> firstYears = spark.sql("SELECT '" + LA + "' AS council, 2019 AS first_year");
    Dataset<Row> aims = spark.sql("SELECT '" + LA + "' AS council, 26 AS aim_weeks, 0.7D AS aim_share");
    List<Row> rows = scot.pace.measure.Aim2.of(journeys, firstYears, aims)
        .where("council = '" + LA + "'").orderBy("cohort_year").collectAsList();
    Row cohort2019 = rows.get(0);
    assertEquals(3L, (long) cohort2019.<Long>getAs("children"));
    assertEquals(0L, (long) cohort2019.<Long>getAs("recommended"));
    assertEquals(0.0, cohort2019.<Double>getAs("within_26w"), 0);
    assertEquals("clopper-pearson", cohort2019.getAs("within_26w_interval"),
        "0 of 3, every child followed past 26 weeks: the exact interval, not 0% [0%, 0%]");
    assertEquals(0.0, cohort2019.<Double>getAs("within_26w_lower"), 0);
    assertEquals(0.7076, cohort2019.<Double>getAs("within_26w_upper"), 1e-4, "binom.test(0, 3)");
    Row cohort2020 = rows.get(1);
    assertEquals(2L, (long) cohort2020.<Long>getAs("children"), "adopted, and returned's second spell");
    assertEquals(1L, (long) cohort2020.<Long>getAs("recommended"), "2019-09-01 to 2020-03-01: 182 days, 26 weeks");
    assertEquals(26.0, cohort2020.<Double>getAs("median_weeks"), 0, "the incidence ends on 0.5 at day 182");
    assertEquals(0.5, cohort2020.<Double>getAs("within_26w"), 1e-12,
        "returned's second spell left care after 151 days with no recommendation: it competes");
    assertEquals(0.5, cohort2020.<Double>getAs("within_aim"), 1e-12);
    assertEquals(0.7, cohort2020.<Double>getAs("aim_share"), 0);
  }

  static Row journey(String childId) {
    return spell(childId, 1);
  }

  static Row spell(String childId, int number) {
    String key = ChildKey.of(KEY.secret(), LA, childId);
    return journeys.where("child_key = '" + key + "' AND spell_number = " + number).first();
  }

  static Dataset<Row> frame(ReturnFile file, List<Row> rows) {
    StructType schema = BronzeTables.schema(file);
    return spark.createDataFrame(rows, schema);
  }

  static Row child(String id, String dob, int year) {
    return bronze(LA, String.valueOf(year), id, null, dob, "F", "WS", "N", year, ReturnFile.CHILDREN);
  }

  static Row episode(String id, String episode, String start, String end, String destination, int year) {
    return bronze(LA, String.valueOf(year), id, episode, start, end, destination, year, ReturnFile.EPISODES);
  }

  static Row placement(String id, String episode, String start, String end, String type, int year) {
    return bronze(LA, String.valueOf(year), id, episode, start, end, type, year, ReturnFile.PLACEMENTS);
  }

  static Row milestone(String id, String episode, String milestone, String date, String route, int year) {
    return bronze(LA, String.valueOf(year), id, episode, milestone, date, route, year, ReturnFile.PERMANENCE);
  }

  private static Row bronze(Object... values) {
    int year = (Integer) values[values.length - 2];
    ReturnFile file = (ReturnFile) values[values.length - 1];
    List<Object> row = new ArrayList<>();
    for (int i = 0; i < values.length - 2; i++) {
      row.add(values[i]);
    }
    row.add(LA);
    row.add(year);
    row.add(LA + "_" + year);
    row.add(file.fileName());
    row.add("sha");
    row.add(2L);
    row.add("test");
    row.add(java.sql.Timestamp.valueOf("2026-01-01 00:00:00"));
    return RowFactory.create(row.toArray());
  }
}
