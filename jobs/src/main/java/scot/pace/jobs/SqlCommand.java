package scot.pace.jobs;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scot.pace.failure.InputFailure;
import scot.pace.failure.LakeStateFailure;

/** {@code pace sql}: Spark SQL over the lake's tables, each registered by its name. */
@Command(
    name = "sql",
    description = "Run Spark SQL against the lake; every table is a view of its own name"
        + " (bronze_children, bronze_episodes, ..., ingest_manifest).")
final class SqlCommand extends PaceCommand {
  enum Format { table, csv }

  @Parameters(index = "0", paramLabel = "QUERY", description = "e.g. \"SELECT _council, count(*) FROM bronze_children GROUP BY 1\"")
  String query;

  @Option(names = "--format", description = "table (aligned, the default) or csv.")
  Format format = Format.table;

  @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default 1000; 0 for all).")
  int limit = 1000;

  @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default paths.lake).")
  String lake;

  @Override
  ExitCode run() {
    PaceConfig config = lake == null ? common.load() : common.load().withLake(lake);
    if (config.lake().localRoot().isPresent() && config.lake().localTableNames().isEmpty()) {
      throw new LakeStateFailure("the lake at " + config.lake().root()
          + " has no tables yet; run `pace ingest` or `pace demo` first (or give --lake)");
    }
    SparkSession spark = SparkSessions.start(config.spark(), "pace sql");
    try {
      List<String> tables = config.lake().registerViews(spark);
      if (tables.isEmpty()) {
        throw new LakeStateFailure("the lake at " + config.lake().root()
            + " has no tables yet; run `pace ingest` or `pace demo` first (or give --lake)");
      }
      Dataset<Row> result;
      try {
        result = spark.sql(query);
      } catch (Exception e) {
        // Spark's AnalysisException is checked in Java's eyes but thrown unchecked from Scala.
        if (((Object) e) instanceof org.apache.spark.sql.AnalysisException) {
          throw new InputFailure(
              e.getMessage().split("\n")[0] + " (tables: " + String.join(", ", tables) + ")");
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      List<Row> rows = limit > 0 ? result.limit(limit).collectAsList() : result.collectAsList();
      ResultTable table = new ResultTable(result.columns(), rows);
      if (format == Format.csv) {
        table.printCsv(out());
      } else {
        table.printAligned(out());
      }
      return ExitCode.SUCCESS;
    } finally {
      spark.stop();
    }
  }
}
