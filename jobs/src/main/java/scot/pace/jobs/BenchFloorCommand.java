package scot.pace.jobs;

import static org.apache.spark.sql.functions.expr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scot.pace.build.CommonWork;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.files.Folders;
import scot.pace.returns.ReturnFile;

/**
 * {@code pace bench-floor}: the least any Spark job over these returns must do on this machine,
 * timed part by part, so the benchmark can say how far the pipeline's own work sits above what
 * Spark and Delta cost by themselves. Hidden: for the benchmark.
 *
 * <ul>
 *   <li>{@code scan}: the four files the common work reads, every column parsed (a hash of each
 *       row summed), as the common work reads them;
 *   <li>{@code load}: the five files read with the ingest's options for quoted, multi-line
 *       fields and written to Delta as they are, with no lineage and no rule;
 *   <li>{@code commits}: as many one-file Delta tables written as the build writes.
 * </ul>
 */
@Command(name = "bench-floor", hidden = true,
    description = "Time what Spark and Delta cost by themselves on these returns (for the benchmark harness).")
final class BenchFloorCommand extends PaceCommand {
  /** The build's silver and gold tables. */
  static final int BUILD_TABLES = OutputCatalogue.built().size();

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The CSV of part, seconds to write (and the number of small tables).")
  Path out;

  @Option(names = "--scratch", paramLabel = "DIR", required = true,
      description = "An empty folder for the throwaway Delta tables (deleted after).")
  Path scratch;

  @Override
  ExitCode run() {
    PaceConfig config = common.load();
    String returns = config.returnsDir().toAbsolutePath().toString();
    Map<String, Double> parts = new LinkedHashMap<>();
    long started = System.nanoTime();
    SparkSession spark = SparkSessions.start(config.spark(), "pace bench-floor");
    parts.put("start Spark", seconds(started));
    Folders.deleteRecursively(scratch);
    try {
      long scan = System.nanoTime();
      for (ReturnFile file : List.of(ReturnFile.EPISODES, ReturnFile.PLACEMENTS, ReturnFile.PERMANENCE,
          ReturnFile.CHILDREN)) {
        CommonWork.read(spark, returns, file, Map.of()).agg(expr("sum(hash(*))")).collectAsList();
      }
      parts.put("scan", seconds(scan));

      long load = System.nanoTime();
      for (ReturnFile file : ReturnFile.values()) {
        spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
            .csv(returns + "/*/" + file.fileName())
            .write().format("delta").mode("overwrite").save(scratch.resolve(file.bronzeTable()).toString());
      }
      parts.put("load", seconds(load));

      long commits = System.nanoTime();
      for (int i = 0; i < BUILD_TABLES; i++) {
        spark.range(100).selectExpr("id", "id % 7 AS council").coalesce(1)
            .write().format("delta").mode("overwrite").save(scratch.resolve("table_" + i).toString());
      }
      parts.put("commits", seconds(commits));
      parts.put("tables", (double) BUILD_TABLES);

      StringBuilder csv = new StringBuilder("part,seconds\n");
      parts.forEach((part, s) -> csv.append(part).append(',').append(String.format(Locale.ROOT, "%.2f", s))
          .append('\n'));
      Files.writeString(out, csv);
      out().print(csv);
      return ExitCode.SUCCESS;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      spark.stop();
      Folders.deleteRecursively(scratch);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
