package scot.pace.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scot.pace.build.CommonWork;
import scot.pace.council.Council;

/**
 * {@code pace bench-common}: the benchmark's common work ({@link CommonWork}) from the CSV returns,
 * written as one sorted CSV for the harness to compare with its peer's. Hidden: for the benchmark.
 */
@Command(name = "bench-common", hidden = true,
    description = "The benchmark's common work from the CSV returns, as one sorted CSV (for the benchmark harness).")
final class BenchCommonCommand extends PaceCommand {
  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV to write.")
  Path out;

  @Override
  ExitCode run() {
    PaceConfig config = common.load();
    Map<String, String> current = new LinkedHashMap<>();
    for (Council council : config.councilRegistry().all()) {
      if (council.formerCode() != null) {
        current.put(council.formerCode(), council.code());
      }
    }
    SparkSession spark = SparkSessions.start(config.spark(), "pace bench-common");
    // One query of some forty joins and windows over small data: adaptive execution runs its
    // stages one at a time and re-plans between them, which costs more than it saves here
    // (37 s against 58 s at scale 1; see docs/performance.md). The build keeps it: there it helps.
    spark.conf().set("spark.sql.adaptive.enabled", "false");
    try {
      List<Row> rows = CommonWork.fromReturns(spark, config.returnsDir().toAbsolutePath().toString(), current)
          .orderBy("measure", "council", "year").collectAsList();
      StringBuilder csv = new StringBuilder("measure,council,year,value\n");
      for (Row row : rows) {
        csv.append(row.getString(0)).append(',').append(row.getString(1)).append(',').append(row.getInt(2)).append(',')
            .append(row.getLong(3)).append('\n');
      }
      Files.writeString(out, csv);
      out().println(rows.size() + " counts written to " + out);
      return ExitCode.SUCCESS;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      spark.stop();
    }
  }
}
