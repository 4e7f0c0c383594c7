package scot.pace.build;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.BuiltLake;
import scot.pace.generate.GenerationSummary;
import scot.pace.generate.YearFigures;
import scot.pace.measure.KinshipShare;
import scot.pace.returns.PlacementGroup;
import scot.pace.journey.ChildKey;
import scot.pace.journey.Journeys;
import scot.pace.journey.PseudonymKey;
import scot.pace.lake.Lake;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.TimeToPermanence;

/**
 * The journeys and measures built from the returns equal those computed straight from the
 * generator's true per-child outcomes: exactly for dates and counts, to 1e-9 for estimates. If
 * they differ, the journey building is wrong.
 */
class PipelineAgainstTruthTest {
  static Path dir;
  static SparkSession spark;
  static Lake lake;
  static PseudonymKey key;
  static Map<String, Long> built;
  static Dataset<Row> truth;
  static GenerationSummary generated;
  @TempDir static Path scratch;

  @BeforeAll
  static void generateIngestBuild() {
    BuiltLake fixture = BuiltLake.get();
    dir = fixture.dir;
    spark = scot.pace.SharedSpark.session();
    lake = fixture.lake;
    key = fixture.key;
    built = fixture.tables;
    generated = fixture.generated;
    truth = truthJourneys();
  }

  static Dataset<Row> truthJourneys() {
    StructType schema = StructType.fromDDL(
        "la_code STRING, child_id STRING, spell_number INT, dob DATE, first_looked_after DATE, first_accommodated DATE,"
            + " permanence_date DATE, permanence_route STRING, exit_date DATE, exit_kind STRING, censor_date DATE,"
            + " age_at_entry INT, placement_count INT, reentered_within_12m BOOLEAN");
    return spark.read().schema(schema).option("header", "true")
        .csv(dir.resolve("truth").resolve("outcomes_*.csv").toString())
        .withColumn("council", col("la_code"))
        .withColumn("child_key", ChildKey.column(key, col("la_code"), col("child_id")))
        .withColumn("latest_snapshot", expr("DATE'2024-07-31'"))
        .withColumn("age_band", expr(Journeys.AGE_BAND))
        .withColumn("permanence_with_kin", lit(false))
        .drop("la_code", "child_id");
  }

  @Test
  void everySpellOfEveryChildOfTheReturnsIsTheOneTheSimulationGaveIt() {
    Dataset<Row> journeys = lake.read(spark, Journeys.TABLE);
    long spells = truth.count();
    assertTrue(spells > 2000, "a realistic number of spells: " + spells);
    assertEquals(spells, journeys.count());
    assertTrue(truth.where("spell_number > 1").count() > 20, "children who came back into care");
    String[] compared = {"first_looked_after", "first_accommodated", "permanence_date", "permanence_route",
        "exit_date", "exit_kind", "censor_date", "age_at_entry", "placement_count", "reentered_within_12m"};
    Dataset<Row> joined =
        journeys.alias("p").join(truth.alias("t"), new String[] {"council", "child_key", "spell_number"}, "full_outer");
    Map<String, String> differs = new java.util.LinkedHashMap<>();
    for (String column : compared) {
      differs.put(column, "NOT (p." + column + " <=> t." + column + ")");
    }
    Map<String, Long> differing = differing(joined, differs);
    for (String column : compared) {
      assertEquals(0, differing.get(column), column + " differs for " + differing.get(column) + " spells, e.g. "
          + joined.where(expr(differs.get(column))).select(col("p." + column), col("t." + column)).limit(3)
              .collectAsList());
    }
    assertTrue(journeys.where("permanence_date IS NOT NULL").count() > 500);
    assertTrue(journeys.where("exit_date IS NOT NULL").count() > 100);
    assertTrue(journeys.where("reentered_within_12m").count() > 10);
  }

  @Test
  void timeToPermanenceFromTheReturnsEqualsTheSameMeasuresFromTheTruth() {
    Dataset<Row> firstYears = spark.createDataFrame(BuiltLake.COUNCILS.stream()
        .map(c -> org.apache.spark.sql.RowFactory.create(c.code(), BuiltLake.FIRST_YEAR)).toList(),
        StructType.fromDDL("council STRING, first_year INT"));
    Dataset<Row> expected = TimeToPermanence.summary(TimeToPermanence.grouped(CohortOutcomes.of(truth, firstYears)))
        .localCheckpoint();
    Dataset<Row> actual = lake.read(spark, TimeToPermanence.SUMMARY);
    assertEquals(expected.count(), actual.count());
    String[] group = {"population", "council", "cohort_year", "age_band"};
    Dataset<Row> joined = actual.alias("a").join(expected.alias("e"), group, "full_outer");
    Map<String, String> differs = new java.util.LinkedHashMap<>();
    for (String exact : List.of("children", "later_spells", "events", "competing", "censored", "naive_followed_2y",
        "naive_followed_4y", "naive_reached", "median_days", "median_lower_days", "median_upper_days",
        "within_2y_interval", "within_4y_interval", "history_incomplete")) {
      differs.put(exact, "NOT (a." + exact + " <=> e." + exact + ")");
    }
    for (String estimate : List.of("within_2y", "within_2y_se", "within_2y_lower", "within_2y_upper", "within_4y",
        "within_4y_se", "within_4y_lower", "within_4y_upper", "left_care_4y", "still_waiting_4y", "naive_within_2y",
        "naive_over_4y", "naive_mean_years")) {
      differs.put(estimate, "(a." + estimate + " IS NULL) <> (e." + estimate + " IS NULL)"
          + " OR abs(a." + estimate + " - e." + estimate + ") > 1e-9");
    }
    assertEquals(differs.keySet().stream().map(c -> Map.entry(c, 0L)).toList(),
        List.copyOf(differing(joined, differs).entrySet()), "cohorts differing from the truth, by column");
    Row scotland2015 = actual.where("population = 'accommodated' AND council = 'S92000003' AND cohort_year = 2015"
        + " AND age_band = 'all'").first();
    assertTrue(scotland2015.<Long>getAs("children") > 100);
    assertTrue(scotland2015.<Double>getAs("within_4y") > 0.2);
  }

  /** For each named condition, the number of rows of {@code joined} meeting it, counted in one pass. */
  static Map<String, Long> differing(Dataset<Row> joined, Map<String, String> conditions) {
    List<org.apache.spark.sql.Column> counts = conditions.entrySet().stream()
        .map(c -> expr("count_if(" + c.getValue() + ")").as(c.getKey())).toList();
    Row row = joined.agg(counts.get(0), counts.subList(1, counts.size()).toArray(org.apache.spark.sql.Column[]::new))
        .first();
    Map<String, Long> differing = new java.util.LinkedHashMap<>();
    for (String name : conditions.keySet()) {
      differing.put(name, row.<Long>getAs(name));
    }
    return differing;
  }

  @Test
  void withFullFollowUpTheNaiveShareIsTheCumulativeIncidence() {
    Dataset<Row> complete = lake.read(spark, TimeToPermanence.SUMMARY).where("naive_followed_4y = children");
    assertTrue(complete.count() > 50, "cohorts all followed four years: " + complete.count());
    assertEquals(0, complete.where("abs(naive_within_2y - within_2y) > 1e-12").count(),
        "naive share within 2 years = cumulative incidence at 730 days");
    assertEquals(0, complete.where("abs(naive_over_4y - (1 - within_4y)) > 1e-12").count(),
        "naive share over 4 years = 1 - cumulative incidence at 1,461 days");
    assertEquals(0, complete.where("abs(within_4y + left_care_4y + still_waiting_4y - 1) > 1e-12").count(),
        "reached, left care and still waiting add to 1");
    assertTrue(complete.where("cause_specific_within_4y > within_4y + 0.01").count() > 0,
        "treating leaving care as censoring overstates the share: the reason the headline is not Kaplan-Meier");
  }

  @Test
  void everyPublishedFigureEqualsRsSurvivalOnTheSameSpells() throws Exception {
    Path script = repositoryFile("scripts/check-against-r.R");
    org.junit.jupiter.api.Assumptions.assumeTrue(RscriptCheck.available(),
        "Rscript with the survival package is not installed (apt-get install r-base-core r-cran-survival)");
    Path spells = RscriptCheck.csv(lake.read(spark, CohortOutcomes.TABLE), scratch.resolve("r/spells"));
    Path gold = RscriptCheck.csv(lake.read(spark, TimeToPermanence.SUMMARY), scratch.resolve("r/gold"));
    RscriptCheck.Result agreed = RscriptCheck.run(script, spells, gold);
    assertEquals(0, agreed.exitCode(), agreed.output());
    assertTrue(agreed.output().contains(", differences 0"), agreed.output());
    // Censoring happens only at the latest snapshot, so a cohort followed past 2 or 4 years has nobody censored
    // before it: "no interval" cannot arise here (AalenJohansenTest has it).
    for (String edge : List.of("no_events", "all_reached", "plateau_midpoint", "no_upper_limit", "exact_interval",
        "later_spells")) {
      java.util.regex.Matcher count = java.util.regex.Pattern.compile(edge + " (\\d+)").matcher(agreed.output());
      assertTrue(count.find() && Integer.parseInt(count.group(1)) > 0, "the fixture has cohorts with " + edge
          + ": " + agreed.output());
    }
    // The check can fail: one share moved by 0.001 is caught and named.
    Dataset<Row> summary = lake.read(spark, TimeToPermanence.SUMMARY);
    Row victim = summary.where("within_4y IS NOT NULL AND council = 'S92000003' AND age_band = 'all'").first();
    Dataset<Row> wrong = summary.withColumn("within_4y", expr("CASE WHEN population = '"
        + victim.getAs("population") + "' AND council = 'S92000003' AND age_band = 'all' AND cohort_year = "
        + victim.getAs("cohort_year") + " THEN within_4y + 0.001 ELSE within_4y END"));
    RscriptCheck.Result caught = RscriptCheck.run(script, spells, RscriptCheck.csv(wrong, scratch.resolve("r/wrong")));
    assertEquals(1, caught.exitCode(), caught.output());
    assertTrue(caught.output().contains("differences 1") && caught.output().contains("within_4y: R"), caught.output());
  }

  static Path repositoryFile(String relative) {
    Path here = Path.of("").toAbsolutePath();
    while (here != null && !java.nio.file.Files.exists(here.resolve(relative))) {
      here = here.getParent();
    }
    if (here == null) {
      throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
    return here.resolve(relative);
  }

  @Test
  void writesEverySilverAndGoldTable() {
    assertEquals(scot.pace.catalogue.OutputCatalogue.built().stream().map(scot.pace.catalogue.Output::table).toList(),
        List.copyOf(built.keySet()), "the build writes the catalogue's tables in its order");
    for (String table : built.keySet()) {
      assertTrue(built.get(table) > 0, table + " has rows");
    }
    for (String table : lake.localTableNames()) {
      assertTrue(scot.pace.catalogue.OutputCatalogue.named(table).isPresent(), "the catalogue lacks " + table);
    }
    // No raw child id reaches silver or gold, in any column: every child key is the HMAC of the
    // council and id, and no text value is one of the ids the returns carry.
    java.util.Set<String> keys = new java.util.HashSet<>();
    truth.select("child_key").as(org.apache.spark.sql.Encoders.STRING()).collectAsList().forEach(keys::add);
    java.util.Set<String> ids = new java.util.HashSet<>(spark.read().option("header", "true")
        .csv(dir.resolve("returns").toString() + "/*/children.csv").select("child_id").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertTrue(ids.size() > 1000, "the returns' child ids: " + ids.size());
    // Every distinct text value of every built table, with where it is, in one pass.
    Dataset<Row> texts = null;
    for (String table : built.keySet()) {
      Dataset<Row> rows = lake.read(spark, table);
      List<org.apache.spark.sql.Column> columns = new java.util.ArrayList<>();
      for (org.apache.spark.sql.types.StructField field : rows.schema().fields()) {
        if (field.dataType() instanceof org.apache.spark.sql.types.StringType) {
          columns.add(lit(field.name()));
          columns.add(col(field.name()));
        }
      }
      if (!columns.isEmpty()) {
        Dataset<Row> values = rows.select(lit(table).as("table"),
            org.apache.spark.sql.functions.explode(org.apache.spark.sql.functions.map(
                columns.toArray(org.apache.spark.sql.Column[]::new))).as(new String[] {"column", "value"}));
        texts = texts == null ? values : texts.unionAll(values);
      }
    }
    List<Row> distinct = texts.where("value IS NOT NULL").distinct().collectAsList();
    assertTrue(distinct.stream().anyMatch(r -> r.getString(1).equals("child_key")), "child keys were read");
    for (Row text : distinct) {
      String where = text.getString(0) + "." + text.getString(1);
      assertTrue(!ids.contains(text.getString(2)), "a raw child id in " + where + ": " + text.getString(2));
      if (text.getString(1).equals("child_key")) {
        assertTrue(keys.contains(text.getString(2)), "a child key in " + where
            + " that is not the HMAC of a child in the returns: " + text.getString(2));
      }
    }
  }

  @Test
  void docsDefineEveryTableAndColumnBuilt() throws java.io.IOException {
    String docs = java.nio.file.Files.readString(Path.of("..", "docs", "measures.md"));
    List<String> undefined = new java.util.ArrayList<>();
    for (String table : built.keySet()) {
      if (!docs.contains("`" + table + "`")) {
        undefined.add(table);
      }
      for (String column : lake.read(spark, table).columns()) {
        if (!docs.contains("`" + column + "`") && !docs.contains("`" + column.replaceAll("_(lower|upper)$", "") + "`")) {
          undefined.add(table + "." + column);
        }
      }
    }
    assertEquals(List.of(), undefined, "tables and columns docs/measures.md does not define");
  }

  @Test
  void councilsAreComparedOnEveryProportionMeasure() {
    List<Row> measures = lake.read(spark, "gold_council_comparison").select("measure").distinct().collectAsList();
    assertEquals(5, measures.size(), measures.toString());
    Row latest = lake.read(spark, "gold_council_comparison")
        .where("measure = 'permanence_within_2y' AND latest").orderBy("council").first();
    long numerator = lake.read(spark, "gold_council_comparison")
        .where("measure = 'permanence_within_2y' AND latest").agg(expr("sum(numerator) / sum(denominator)"))
        .first().getDouble(0) == latest.<Double>getAs("p0") ? 1 : 0;
    assertEquals(1, numerator, "p0 is the pooled share of the councils compared");
    assertEquals(2022, latest.<Integer>getAs("year"), "returns to 2024: the 2022 cohort is the last followed two years");
  }

  @Test
  void kinshipShareAtEachSnapshotCountsWhatTheGeneratorPlaced() {
    for (YearFigures year : generated.years()) {
      Row row = lake.read(spark, KinshipShare.TABLE)
          .where("council = 'S92000003' AND collection_year = " + year.collectionYear()).first();
      assertEquals(year.lookedAfter(), row.<Long>getAs("looked_after"), "looked after " + year.collectionYear());
      for (PlacementGroup group : PlacementGroup.values()) {
        String column = group.name().toLowerCase(java.util.Locale.ROOT);
        assertEquals((long) year.byPlacement().getOrDefault(group, 0L), row.<Long>getAs(column),
            column + " " + year.collectionYear());
      }
      double shares = 0;
      for (String group : KinshipShare.groups()) {
        shares += row.<Double>getAs(group + "_share");
      }
      assertEquals(1, shares, 1e-12, "the placement mix adds to 100%");
      double kinship = row.<Double>getAs("kinship_share");
      assertTrue(row.<Double>getAs("kinship_lower") < kinship && kinship < row.<Double>getAs("kinship_upper"));
    }
  }

  @Test
  void routeSharesAndStillWaitingAddToOne() {
    Dataset<Row> sums = lake.read(spark, TimeToPermanence.ROUTES).where("share IS NOT NULL")
        .groupBy("population", "council", "cohort_year", "age_band", "years")
        .agg(expr("sum(share) AS total"));
    assertTrue(sums.count() > 100);
    assertEquals(0, sums.where("abs(total - 1) > 1e-9").count());
  }
}
