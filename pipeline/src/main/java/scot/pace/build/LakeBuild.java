package scot.pace.build;

import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import scot.pace.council.Council;
import scot.pace.council.Councils;
import scot.pace.journey.Journeys;
import scot.pace.journey.PseudonymKey;
import scot.pace.journey.Silver;
import scot.pace.lake.Lake;
import scot.pace.lake.Lineage;
import scot.pace.measure.Aim1;
import scot.pace.measure.Aim2;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.CouncilComparison;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.StillWaiting;
import scot.pace.measure.TimeToPermanence;
import scot.pace.returns.ReturnFile;
import scot.pace.rules.Validation;

/**
 * {@code pace build}: from the accepted bronze rows (those in quarantine with an error are left
 * out), the silver facts and journeys, then the gold
 * measures. Every table is replaced whole in one Delta commit, so a reader sees either the last
 * build or this one, never half of it; journeys are read once and shared by every measure.
 */
public final class LakeBuild {
  public static final String COUNCILS = "ref_councils";

  private final SparkSession spark;
  private final Lake lake;
  private final PseudonymKey key;
  private final Councils councils;

  public LakeBuild(SparkSession spark, Lake lake, PseudonymKey key, Councils councils) {
    this.spark = spark;
    this.lake = lake;
    this.key = key;
    this.councils = councils;
  }

  /** Builds every silver and gold table and gives the rows written per table. */
  public Map<String, Long> run() {
    for (ReturnFile file : ReturnFile.values()) {
      if (!lake.exists(spark, file.bronzeTable())) {
        throw new IllegalArgumentException("the lake at " + lake.root() + " has no " + file.bronzeTable()
            + " table; run `pace ingest` first");
      }
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    Dataset<Row> bronzeChildren = accepted(ReturnFile.CHILDREN);

    describe("silver: episodes");
    write(Silver.episodes(accepted(ReturnFile.EPISODES), key), Silver.EPISODES, rows);
    Dataset<Row> episodes = lake.read(spark, Silver.EPISODES);
    describe("silver: children, placements, legal reasons, milestones");
    write(Silver.children(bronzeChildren, key), Silver.CHILDREN, rows);
    write(Silver.placements(accepted(ReturnFile.PLACEMENTS), episodes, key), Silver.PLACEMENTS, rows);
    write(Silver.legalReasons(accepted(ReturnFile.LEGAL_REASONS), episodes, key),
        Silver.LEGAL_REASONS, rows);
    write(Silver.milestones(accepted(ReturnFile.PERMANENCE), episodes, key),
        Silver.MILESTONES, rows);

    describe("silver: journeys");
    write(Journeys.derive(lake.read(spark, Silver.CHILDREN), episodes, lake.read(spark, Silver.PLACEMENTS),
        lake.read(spark, Silver.MILESTONES), lake.read(spark, Silver.LEGAL_REASONS)), Journeys.TABLE, rows);
    Dataset<Row> journeys = lake.read(spark, Journeys.TABLE);

    Dataset<Row> returnYears =
        bronzeChildren.select(bronzeChildren.col(Lineage.COUNCIL).as("council"),
            bronzeChildren.col(Lineage.COLLECTION_YEAR).as("collection_year")).distinct();
    Dataset<Row> firstYears = returnYears.groupBy("council").agg(min("collection_year").as("first_year"));

    describe("gold: time to permanence");
    Dataset<Row> outcomes = CohortOutcomes.of(journeys, firstYears).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> grouped = TimeToPermanence.grouped(outcomes).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> milestones = lake.read(spark, Silver.MILESTONES);
    Dataset<Row> homeOrders = Aim1.orders(journeys, milestones, firstYears).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(CohortOutcomes.table(outcomes), CohortOutcomes.TABLE, rows);
      write(TimeToPermanence.summary(grouped), TimeToPermanence.SUMMARY, rows);
      write(TimeToPermanence.curves(grouped), TimeToPermanence.CURVES, rows);
      write(TimeToPermanence.routes(grouped), TimeToPermanence.ROUTES, rows);
      describe("gold: kinship");
      write(KinshipShare.atSnapshots(episodes, lake.read(spark, Silver.PLACEMENTS), returnYears),
          KinshipShare.TABLE, rows);
      write(KinshipShare.ofPermanence(outcomes), KinshipShare.PERMANENCE_TABLE, rows);
      write(councilTable(), COUNCILS, rows);
      Dataset<Row> councilRows = lake.read(spark, COUNCILS);

      describe("gold: PACE aims");
      write(Aim1.of(homeOrders), Aim1.TABLE, rows);
      write(Aim2.of(journeys, firstYears, councilRows), Aim2.TABLE, rows);
      write(LaterStages.of(LaterStages.childStages(milestones), firstYears), LaterStages.TABLE, rows);
      write(StillWaiting.of(journeys, lake.read(spark, Silver.PLACEMENTS)), StillWaiting.TABLE, rows);

      describe("gold: run charts");
      Dataset<Row> points = RunChart.points(journeys, councilRows, firstYears);
      write(RunChart.phases(points), RunChart.PHASES, rows);
      write(RunChart.withMedians(points, lake.read(spark, RunChart.PHASES)), RunChart.POINTS, rows);
      write(RunChart.months(points), RunChart.MONTHS, rows);

      describe("gold: council comparison");
      Dataset<Row> proportions = TimeToPermanence.proportions(outcomes)
          .unionByName(Aim2.proportions(journeys, firstYears))
          .unionByName(KinshipShare.proportions(lake.read(spark, KinshipShare.TABLE)))
          .unionByName(Aim1.proportions(homeOrders));
      CouncilComparison.Result comparison = CouncilComparison.of(spark, proportions);
      write(comparison.comparison(), CouncilComparison.TABLE, rows);
      write(comparison.limits(), CouncilComparison.LIMITS_TABLE, rows);
    } finally {
      homeOrders.unpersist();
      grouped.unpersist();
      outcomes.unpersist();
    }
    spark.sparkContext().setJobDescription(null);
    return rows;
  }

  private Dataset<Row> councilTable() {
    List<Row> list = new ArrayList<>();
    list.add(RowFactory.create(CohortOutcomes.SCOTLAND, "Scotland", null, null, null, null));
    for (Council council : councils.all()) {
      list.add(RowFactory.create(council.code(), council.name(), council.formerCode(),
          council.paceStart() == null ? null : java.sql.Date.valueOf(council.paceStart()), council.aimWeeks(),
          council.aimShare()));
    }
    return spark.createDataFrame(list, DataTypes.createStructType(List.of(
        DataTypes.createStructField("council", DataTypes.StringType, false),
        DataTypes.createStructField("council_name", DataTypes.StringType, false),
        DataTypes.createStructField("former_code", DataTypes.StringType, true),
        DataTypes.createStructField("pace_start", DataTypes.DateType, true),
        DataTypes.createStructField("aim_weeks", DataTypes.IntegerType, true),
        DataTypes.createStructField("aim_share", DataTypes.DoubleType, true)))).coalesce(1);
  }

  /** The bronze rows of {@code file} that broke no error rule: quarantined rows go no further. */
  private Dataset<Row> accepted(ReturnFile file) {
    Dataset<Row> bronze = lake.read(spark, file.bronzeTable());
    if (!lake.exists(spark, Validation.QUARANTINE)) {
      return bronze;
    }
    return Validation.accepted(bronze, file, lake.read(spark, Validation.QUARANTINE));
  }

  private void describe(String stage) {
    spark.sparkContext().setJobDescription("build " + stage);
  }

  private final Map<String, Double> seconds = new LinkedHashMap<>();

  /** Seconds each table of the last {@link #run} took to compute and write. */
  public Map<String, Double> seconds() {
    return Map.copyOf(seconds);
  }

  private void write(Dataset<Row> data, String table, Map<String, Long> rows) {
    long start = System.nanoTime();
    data.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(lake.table(table));
    // The commit records the rows it wrote; a lake off this machine is counted by reading it back.
    rows.put(table, lake.rowsWritten(table).orElseGet(() -> lake.read(spark, table).count()));
    seconds.put(table, (System.nanoTime() - start) / 1e9);
  }
}
