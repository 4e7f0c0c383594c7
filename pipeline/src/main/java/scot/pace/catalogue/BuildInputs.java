package scot.pace.catalogue;

import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
import scot.pace.lake.Lake;
import scot.pace.lake.Lineage;
import scot.pace.measure.Aim1;
import scot.pace.measure.Aim2;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.CouncilComparison;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.RunChart;
import scot.pace.measure.TimeToPermanence;
import scot.pace.journey.Silver;
import scot.pace.returns.ReturnFile;
import scot.pace.rules.Validation;

/**
 * What the build's steps read: the accepted bronze rows, the tables written earlier in the same
 * build, and the intermediate results several tables share (the cohort outcomes, the home orders,
 * the run charts' points, the council comparison), each computed once on first use and released
 * when the build ends.
 */
public final class BuildInputs implements AutoCloseable {
  private final SparkSession spark;
  private final Lake lake;
  private final PseudonymKey key;
  private final Councils councils;
  /** Whose rows {@link #read} and {@link #accepted} give: every council's, or those of a build for some. */
  private final BuildScope scope;
  private final List<Dataset<Row>> cached;
  /** The tables this build writes, each completed once its commit is done (or failed). */
  private final Map<String, CompletableFuture<Void>> written;

  private final Supplier<Dataset<Row>> returnYears = once(this::computeReturnYears);
  private final Supplier<Integer> lastYear = once(() -> returnYears().selectExpr("max(collection_year)").first().getInt(0));
  private final Supplier<Dataset<Row>> firstYears = once(() -> returnYears().groupBy("council")
      .agg(min("collection_year").as("first_year")));
  private final Supplier<Dataset<Row>> outcomes = once(() -> cache(CohortOutcomes.of(journeys(), firstYears())));
  private final Supplier<Dataset<Row>> grouped = once(() -> cache(TimeToPermanence.grouped(outcomes())));
  private final Supplier<Dataset<Row>> homeOrders =
      once(() -> cache(Aim1.orders(journeys(), read(Silver.MILESTONES), firstYears())));
  private final Supplier<Dataset<Row>> runChartPoints =
      once(() -> RunChart.points(journeys(), read(OutputCatalogue.COUNCILS), firstYears()));
  private final Supplier<CouncilComparison.Result> comparison = once(this::computeComparison);

  public BuildInputs(SparkSession spark, Lake lake, PseudonymKey key, Councils councils) {
    this(spark, lake, key, councils, BuildScope.everything(), Collections.synchronizedList(new ArrayList<>()),
        new ConcurrentHashMap<>());
  }

  private BuildInputs(SparkSession spark, Lake lake, PseudonymKey key, Councils councils, BuildScope scope,
      List<Dataset<Row>> cached, Map<String, CompletableFuture<Void>> written) {
    this.spark = spark;
    this.lake = lake;
    this.key = key;
    this.councils = councils;
    this.scope = scope;
    this.cached = cached;
    this.written = written;
  }

  /**
   * The same build's inputs, giving only the rows of the councils {@code scope} names: what the
   * silver steps of a build for some councils read. Waits on the same commits.
   */
  public BuildInputs within(BuildScope scope) {
    return new BuildInputs(spark, lake, key, councils, scope, cached, written);
  }

  public PseudonymKey key() {
    return key;
  }

  /**
   * A table as the lake holds it: bronze, or one written earlier in this build, once its commit is
   * done (steps run side by side, and a step that reads a table waits for it).
   */
  public Dataset<Row> read(String table) {
    CompletableFuture<Void> commit = written.get(table);
    if (commit != null) {
      commit.join();
    }
    Dataset<Row> rows = lake.read(spark, table);
    return scope.isEverything() ? rows : rows.where(scope.silverPredicate());
  }

  /** Says that {@code table} is written by this build: {@link #read} of it waits for {@link #committed}. */
  public void willWrite(String table) {
    written.put(table, new CompletableFuture<>());
  }

  /** {@code table}'s commit is done ({@code failure} null) or failed: the steps waiting on it go on. */
  public void committed(String table, Throwable failure) {
    CompletableFuture<Void> commit = written.get(table);
    if (failure == null) {
      commit.complete(null);
    } else {
      commit.completeExceptionally(failure);
    }
  }

  /** The bronze rows of {@code file} that broke no error rule: quarantined rows go no further. */
  public Dataset<Row> accepted(ReturnFile file) {
    Dataset<Row> bronze = ofScope(lake.read(spark, file.bronzeTable()));
    if (!lake.exists(spark, Validation.QUARANTINE)) {
      return bronze;
    }
    return Validation.accepted(bronze, file, ofScope(lake.read(spark, Validation.QUARANTINE)));
  }

  /** The rows of an ingest table that come from the returns of this scope's councils. */
  private Dataset<Row> ofScope(Dataset<Row> ingested) {
    return scope.isEverything() ? ingested : ingested.where(scope.predicateOn(Lineage.COUNCIL));
  }

  public Dataset<Row> journeys() {
    return read(Journeys.TABLE);
  }

  /** Each council and collection year with an accepted return. */
  public Dataset<Row> returnYears() {
    return returnYears.get();
  }

  /** The latest collection year with an accepted return (its 31 July is the latest snapshot). */
  public int lastYear() {
    return lastYear.get();
  }

  /** Each council's first collection year. */
  public Dataset<Row> firstYears() {
    return firstYears.get();
  }

  public Dataset<Row> outcomes() {
    return outcomes.get();
  }

  public Dataset<Row> grouped() {
    return grouped.get();
  }

  public Dataset<Row> homeOrders() {
    return homeOrders.get();
  }

  public Dataset<Row> runChartPoints() {
    return runChartPoints.get();
  }

  public CouncilComparison.Result comparison() {
    return comparison.get();
  }

  /** Scotland and every configured council, with the PACE settings the measures are read with. */
  public Dataset<Row> councilTable() {
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

  private Dataset<Row> computeReturnYears() {
    Dataset<Row> children = accepted(ReturnFile.CHILDREN);
    return children.select(children.col(Lineage.COUNCIL).as("council"),
        children.col(Lineage.COLLECTION_YEAR).as("collection_year")).distinct();
  }

  private CouncilComparison.Result computeComparison() {
    Dataset<Row> proportions = TimeToPermanence.proportions(outcomes())
        .unionByName(Aim2.proportions(journeys(), firstYears()))
        .unionByName(KinshipShare.proportions(read(KinshipShare.TABLE)))
        .unionByName(Aim1.proportions(homeOrders()));
    return CouncilComparison.of(spark, proportions);
  }

  private Dataset<Row> cache(Dataset<Row> data) {
    cached.add(data.persist(StorageLevel.MEMORY_AND_DISK()));
    return data;
  }

  private static <T> Supplier<T> once(Supplier<T> compute) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = compute.get();
        }
        return value;
      }
    };
  }

  /** Releases what was cached. */
  @Override
  public void close() {
    cached.forEach(Dataset::unpersist);
    cached.clear();
  }
}
