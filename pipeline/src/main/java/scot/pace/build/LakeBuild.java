package scot.pace.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.catalogue.BuildInputs;
import scot.pace.catalogue.Output;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.council.Councils;
import scot.pace.journey.PseudonymKey;
import scot.pace.lake.Lake;
import scot.pace.returns.ReturnFile;

/**
 * {@code pace build}: from the accepted bronze rows (those in quarantine with an error are left
 * out), the silver facts and journeys, then the gold measures: every table the catalogue says the
 * build writes ({@link OutputCatalogue#built}), in its order. Every table is replaced whole in one
 * Delta commit, so a reader sees either the last build or this one, never half of it; what
 * several tables share is computed once ({@link BuildInputs}).
 */
public final class LakeBuild {
  public static final String COUNCILS = OutputCatalogue.COUNCILS;

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

  /** The bronze tables a build reads. */
  public static List<String> bronzeTables() {
    return java.util.Arrays.stream(ReturnFile.values()).map(ReturnFile::bronzeTable).toList();
  }

  /** Builds every silver and gold table of the catalogue, in its order, and gives the rows written per table. */
  public Map<String, Long> run() {
    lake.require(spark, bronzeTables(), "pace ingest");
    Map<String, Long> rows = new LinkedHashMap<>();
    try (BuildInputs in = new BuildInputs(spark, lake, key, councils)) {
      for (Output output : OutputCatalogue.built()) {
        describe(output.stage());
        write(output.step().build(in), output.table(), rows);
      }
    }
    spark.sparkContext().setJobDescription(null);
    return rows;
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
