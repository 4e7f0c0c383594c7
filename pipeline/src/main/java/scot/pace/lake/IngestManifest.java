package scot.pace.lake;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code ingest_manifest} table: one row per return file an ingest acted on (loaded or
 * rejected), with its checksum and what the configuration said about reading it ({@code read_with}:
 * the council's own date format and codes), so the next run can tell a new or changed return from one it has
 * already taken, and an auditor can tell which submission is in force.
 */
public final class IngestManifest {
  public static final String TABLE = "ingest_manifest";

  /** What became of a return in a run. */
  public enum Status {
    LOADED,
    /** Readable, but a re-submission with too many rows in error: the earlier one stays in force. */
    HELD_BACK,
    REJECTED
  }

  /** One row of the manifest. */
  public record Entry(
      String runId,
      String returnKey,
      String returnName,
      String council,
      Integer collectionYear,
      String file,
      String path,
      String sha256,
      Long bytes,
      Long rows,
      String fingerprint,
      Status status,
      String reason,
      Instant recordedAt,
      String readWith) {}

  /** The latest state of a return: its fingerprint and status. */
  public record Latest(String fingerprint, Status status) {}

  /**
   * What the manifest says now: the latest state of every return key, and the sequence number of
   * the last append (0 for none), which orders appends even within one clock tick.
   */
  public record State(Map<String, Latest> latest, java.util.Set<String> everLoaded, long lastSequence) {}

  /** The Spark schema, built on first write: a run that finds nothing new loads no Spark class for it. */
  private static final class SparkSchema {
    static final StructType SCHEMA =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField("sequence", DataTypes.LongType, false),
                DataTypes.createStructField("run_id", DataTypes.StringType, false),
                DataTypes.createStructField("return_key", DataTypes.StringType, false),
                DataTypes.createStructField("return_name", DataTypes.StringType, false),
                DataTypes.createStructField("council", DataTypes.StringType, true),
                DataTypes.createStructField("collection_year", DataTypes.IntegerType, true),
                DataTypes.createStructField("file", DataTypes.StringType, true),
                DataTypes.createStructField("path", DataTypes.StringType, false),
                DataTypes.createStructField("sha256", DataTypes.StringType, true),
                DataTypes.createStructField("bytes", DataTypes.LongType, true),
                DataTypes.createStructField("rows", DataTypes.LongType, true),
                DataTypes.createStructField("fingerprint", DataTypes.StringType, false),
                DataTypes.createStructField("status", DataTypes.StringType, false),
                DataTypes.createStructField("reason", DataTypes.StringType, true),
                DataTypes.createStructField("recorded_at", DataTypes.TimestampType, false),
                DataTypes.createStructField("read_with", DataTypes.StringType, true)));
  }

  private final Supplier<SparkSession> sparkWhenNeeded;
  private final Lake lake;

  public IngestManifest(SparkSession spark, Lake lake) {
    this(() -> spark, lake);
  }

  /** With Spark asked for only when the manifest has to be read or written. */
  public IngestManifest(Supplier<SparkSession> spark, Lake lake) {
    this.sparkWhenNeeded = spark;
    this.lake = lake;
  }

  /**
   * The latest fingerprint and status of every return key (a few rows per return: metadata),
   * as of the manifest's latest version; kept in a {@link TableMemo}, so a run that finds nothing
   * new answers without a Spark job.
   */
  public State state() {
    Optional<Long> version = lake.latestVersion(TABLE);
    if (version.isPresent()) {
      Optional<State> kept = memo().at(version.get());
      if (kept.isPresent()) {
        return kept.get();
      }
    }
    Map<String, Latest> latest = new HashMap<>();
    java.util.Set<String> everLoaded = new java.util.HashSet<>();
    if (lake.absentLocally(TABLE) || !lake.exists(sparkWhenNeeded.get(), TABLE)) {
      return new State(latest, everLoaded, 0);
    }
    SparkSession spark = sparkWhenNeeded.get();
    spark.sparkContext().setJobDescription("read the ingest manifest");
    Lake read = version.map(v -> lake.pinnedTo(Map.of(TABLE, v))).orElse(lake);
    List<Row> rows =
        read.read(spark, TABLE)
            .groupBy("return_key")
            .agg(org.apache.spark.sql.functions.max_by(
                    org.apache.spark.sql.functions.struct("fingerprint", "status"),
                    org.apache.spark.sql.functions.col("sequence")).as("latest"),
                org.apache.spark.sql.functions.max("sequence").as("sequence"),
                org.apache.spark.sql.functions.expr("max(status = 'LOADED')").as("ever_loaded"))
            .collectAsList();
    long last = 0;
    for (Row row : rows) {
      Row state = row.getStruct(1);
      latest.put(row.getString(0), new Latest(state.getString(0), Status.valueOf(state.getString(1))));
      last = Math.max(last, row.getLong(2));
      if (row.getBoolean(3)) {
        everLoaded.add(row.getString(0));
      }
    }
    State state = new State(latest, everLoaded, last);
    version.ifPresent(v -> memo().keep(v, state));
    return state;
  }

  private TableMemo<State> memo() {
    return new TableMemo<>(lake, TABLE, State.class);
  }

  /** Appends the entries of one run under the next sequence number after {@code state}'s. */
  public void append(State state, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    long sequence = state.lastSequence() + 1;
    SparkSession spark = sparkWhenNeeded.get();
    DeltaTable.createIfNotExists(spark).location(lake.table(TABLE)).addColumns(SparkSchema.SCHEMA).execute();
    List<Row> rows = new ArrayList<>();
    for (Entry e : entries) {
      rows.add(
          RowFactory.create(
              sequence, e.runId(), e.returnKey(), e.returnName(), e.council(), e.collectionYear(), e.file(),
              e.path(), e.sha256(), e.bytes(), e.rows(), e.fingerprint(), e.status().name(),
              e.reason(), Timestamp.from(e.recordedAt()), e.readWith()));
    }
    spark.sparkContext().setJobDescription("record " + entries.size() + " files in the ingest manifest");
    Dataset<Row> frame = spark.createDataFrame(rows, SparkSchema.SCHEMA).coalesce(1);
    // A manifest written before read_with was recorded gains the column (null in its old rows).
    frame.write().format("delta").mode("append").option("mergeSchema", "true").save(lake.table(TABLE));
    state(); // read while Spark is warm, so the next run that finds nothing new needs no Spark job
  }
}
