package scot.pace.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.broadcast;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.ReturnSubmission;
import scot.pace.rules.ReturnContext;

/**
 * The bronze tables: each return file's rows as submitted (every contract column as text, read by
 * name), with any code mapping the configuration gives applied and each value read as
 * {@link scot.pace.rules.WrittenValue} reads it (the quarantine keeps a row written otherwise as it
 * arrived), with lineage. A batch of returns is written to each table in one Delta
 * commit that replaces those councils and years as a whole, so a re-submission replaces its
 * predecessor atomically and earlier versions stay reachable by time travel.
 */
public final class BronzeTables {
  private static final String JOIN_KEY = "_file_key";
  private static final String READ_ORDER = "_read_order";

  private static final org.apache.logging.log4j.Logger LOG =
      org.apache.logging.log4j.LogManager.getLogger(BronzeTables.class);

  private final SparkSession spark;
  private final Lake lake;

  public BronzeTables(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** The schema of a bronze table: the contract's columns as text, then lineage. */
  public static StructType schema(ReturnFile file) {
    List<StructField> fields = new ArrayList<>();
    for (String column : file.columns()) {
      fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(Lineage.COUNCIL, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(Lineage.COLLECTION_YEAR, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(Lineage.RETURN_KEY, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(Lineage.SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(Lineage.SOURCE_SHA256, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(Lineage.ROW_NUMBER, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(Lineage.RUN_ID, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(Lineage.INGESTED_AT, DataTypes.TimestampType, false));
    return DataTypes.createStructType(fields);
  }

  /** Creates the five bronze tables if they are not there yet, so they can be queried empty. */
  public void createIfMissing() {
    for (ReturnFile file : ReturnFile.values()) {
      createIfMissing(file);
    }
  }

  private void createIfMissing(ReturnFile file) {
    DeltaTable.createIfNotExists(spark)
        .location(lake.table(file.bronzeTable()))
        .addColumns(schema(file))
        // Statistics on every text column doubled the cost of a write; readers select bronze rows
        // by return, so the lineage keys are the columns worth skipping files on.
        .property("delta.dataSkippingStatsColumns",
            Lineage.RETURN_KEY + "," + Lineage.COUNCIL + "," + Lineage.COLLECTION_YEAR)
        .execute();
  }

  /**
   * Reads {@code file} of every submission as one Dataset with lineage: one Spark read per header
   * layout (normally one), columns taken by name; then, for the rules, a row that did not split into
   * the header's number of fields as its line ({@link ReturnContext#CORRUPT}) with the header's
   * number ({@link ReturnContext#HEADER_FIELDS}), both null for the other rows and never loaded.
   */
  public Dataset<Row> read(ReturnFile file, List<ReturnSubmission> submissions, String runId, Instant ingestedAt) {
    return read(spark, file, submissions, runId, ingestedAt);
  }

  /** As {@link #read(ReturnFile, List, String, Instant)}, without a lake (for checking a return alone). */
  public static Dataset<Row> read(
      SparkSession spark, ReturnFile file, List<ReturnSubmission> submissions, String runId, Instant ingestedAt) {
    Map<List<String>, List<ReturnSubmission>> byHeader = new LinkedHashMap<>();
    for (ReturnSubmission submission : submissions) {
      byHeader.computeIfAbsent(submission.headers().get(file), h -> new ArrayList<>()).add(submission);
    }
    Dataset<Row> all = null;
    for (Map.Entry<List<String>, List<ReturnSubmission>> group : byHeader.entrySet()) {
      Dataset<Row> part = readLayout(spark, file, group.getKey(), group.getValue());
      all = all == null ? part : all.unionByName(part);
    }
    if (all == null) {
      return spark.createDataFrame(List.of(), schema(file));
    }
    // Numbered before the lineage is joined on, so the shuffle that numbers the rows of each file
    // carries the file's own columns and not its council, year, name and SHA-256 on every row.
    Dataset<Row> withLineage =
        all.withColumn(
                Lineage.ROW_NUMBER,
                row_number()
                    .over(Window.partitionBy(JOIN_KEY).orderBy(READ_ORDER))
                    .plus(1)
                    .cast(DataTypes.LongType))
            .join(broadcast(lineage(spark, file, submissions)), JOIN_KEY)
            .withColumn(Lineage.RUN_ID, lit(runId))
            .withColumn(Lineage.INGESTED_AT, lit(Timestamp.from(ingestedAt)));
    List<Column> columns = new ArrayList<>();
    Arrays.stream(schema(file).fieldNames()).forEach(c -> columns.add(col(c)));
    columns.add(col(ReturnContext.CORRUPT));
    columns.add(col(ReturnContext.HEADER_FIELDS));
    return withLineage.select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> readLayout(
      SparkSession spark, ReturnFile file, List<String> header, List<ReturnSubmission> submissions) {
    List<StructField> fields = new ArrayList<>();
    for (String column : header) {
      fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(ReturnContext.CORRUPT, DataTypes.StringType, true));
    String[] paths = submissions.stream().map(s -> s.files().get(file).toAbsolutePath().toString()).toArray(String[]::new);
    Dataset<Row> raw =
        spark.read()
            .schema(DataTypes.createStructType(fields))
            .option("header", "true")
            .option("enforceSchema", "true")
            .option("multiLine", "true")
            .option("encoding", "UTF-8")
            .option("quote", "\"")
            .option("escape", "\"")
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", ReturnContext.CORRUPT)
            .csv(paths);
    List<Column> selected = new ArrayList<>();
    for (String column : file.columns()) {
      selected.add(col("`" + column + "`"));
    }
    // A row with more or fewer fields than the header keeps its line here, for the rules to count.
    selected.add(expr("IF(" + ReturnContext.CORRUPT + " IS NULL, NULL, " + header.size() + ")")
        .as(ReturnContext.HEADER_FIELDS));
    selected.add(col(ReturnContext.CORRUPT));
    selected.add(substring_index(col("_metadata.file_path"), "/", -2).as(JOIN_KEY));
    selected.add(monotonically_increasing_id().as(READ_ORDER));
    return raw.select(selected.toArray(Column[]::new));
  }

  private static Dataset<Row> lineage(SparkSession spark, ReturnFile file, List<ReturnSubmission> submissions) {
    StructType schema =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(JOIN_KEY, DataTypes.StringType, false),
                DataTypes.createStructField(Lineage.COUNCIL, DataTypes.StringType, false),
                DataTypes.createStructField(Lineage.COLLECTION_YEAR, DataTypes.IntegerType, false),
                DataTypes.createStructField(Lineage.RETURN_KEY, DataTypes.StringType, false),
                DataTypes.createStructField(Lineage.SOURCE_FILE, DataTypes.StringType, false),
                DataTypes.createStructField(Lineage.SOURCE_SHA256, DataTypes.StringType, false)));
    List<Row> rows = new ArrayList<>();
    for (ReturnSubmission submission : submissions) {
      java.nio.file.Path path = submission.files().get(file);
      rows.add(
          RowFactory.create(
              path.getParent().getFileName() + "/" + path.getFileName(),
              submission.councilCode(),
              submission.id().collectionYear(),
              submission.returnKey(),
              submission.displayNames().get(file),
              submission.sha256().get(file)));
    }
    return spark.createDataFrame(rows, schema);
  }

  /**
   * Replaces the rows of the returns {@code keys} in every bronze table with {@code data} (already
   * read, with lineage, and best cached: it is written, then counted), one commit per table, and
   * gives the rows now held per table and return key.
   */
  public Map<ReturnFile, Map<String, Long>> replace(Map<ReturnFile, Dataset<Row>> data, List<String> keys) {
    Map<ReturnFile, Map<String, Long>> counts = new EnumMap<>(ReturnFile.class);
    if (keys.isEmpty()) {
      createIfMissing();
      return counts;
    }
    String predicate = keyPredicate(keys);
    // The five tables are independent: writing them side by side lets one table's Delta commit
    // (driver work) overlap another's tasks. Each still commits atomically on its own.
    ExecutorService pool = Executors.newFixedThreadPool(ReturnFile.values().length);
    try {
      Map<ReturnFile, Future<Map<String, Long>>> pending = new EnumMap<>(ReturnFile.class);
      for (ReturnFile file : ReturnFile.values()) {
        pending.put(file, pool.submit(() -> replaceOne(file, data.get(file), predicate, keys.size())));
      }
      for (Map.Entry<ReturnFile, Future<Map<String, Long>>> entry : pending.entrySet()) {
        counts.put(entry.getKey(), await(entry.getValue()));
      }
    } finally {
      pool.shutdownNow();
    }
    return counts;
  }

  /** {@code _return_key IN (...)}, the predicate that replaces whole returns. */
  public static String keyPredicate(List<String> keys) {
    return Lineage.RETURN_KEY + " IN (" + keys.stream().map(k -> "'" + k + "'").sorted().collect(Collectors.joining(","))
        + ")";
  }

  private Map<String, Long> replaceOne(ReturnFile file, Dataset<Row> data, String predicate, int returns) {
    long started = System.nanoTime();
    spark.sparkContext().setJobDescription("ingest " + file.bronzeTable() + " (" + returns + " returns)");
    createIfMissing(file);
    Dataset<Row> rows = data.where(predicate)
        .select(Arrays.stream(schema(file).fieldNames()).map(c -> col(c)).toArray(Column[]::new));
    lake.replaceWhere(rows, file.bronzeTable(), predicate);
    // Counted from the rows written (the ingest holds them cached), not by reading the table back:
    // the commit replaced exactly these returns with exactly these rows.
    Map<String, Long> perReturn = new LinkedHashMap<>();
    for (Row row : rows.groupBy(Lineage.RETURN_KEY).count().collectAsList()) {
      perReturn.put(row.getString(0), row.getLong(1));
    }
    LOG.info(String.format("%s: %d returns replaced in %.1f s", file.bronzeTable(), returns,
        (System.nanoTime() - started) / 1e9));
    return perReturn;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingest was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
