package scot.pace.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;

/**
 * Runs {@code scripts/check-against-r.R} for a test. Where Rscript or its survival package is
 * missing the test is skipped with the reason, except under CI ({@code CI=true}), which installs R
 * and must not skip.
 */
final class RscriptCheck {
  record Result(int exitCode, String output) {}

  private RscriptCheck() {}

  static boolean available() {
    boolean found;
    try {
      Process probe = new ProcessBuilder("Rscript", "-e", "library(survival)").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      found = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      found = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      found = false;
    }
    if (!found && "true".equals(System.getenv("CI"))) {
      Assertions.fail("CI must have Rscript and r-cran-survival: .ci/run installs them");
    }
    return found;
  }

  /** The rows as one CSV file with a header, nulls empty, as `pace sql --format csv` writes them. */
  static Path csv(Dataset<Row> rows, Path folder) throws IOException {
    rows.coalesce(1).write().mode("overwrite").option("header", "true").csv(folder.toString());
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-") && f.toString().endsWith(".csv"))
          .findFirst().orElseThrow();
    }
  }

  static Result run(Path script, Path spells, Path gold) throws IOException, InterruptedException {
    Process r = new ProcessBuilder("Rscript", script.toString(), spells.toString(), gold.toString())
        .redirectErrorStream(true).start();
    String output = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!r.waitFor(10, TimeUnit.MINUTES)) {
      r.destroyForcibly();
      Assertions.fail("Rscript did not finish in 10 minutes: " + output);
    }
    return new Result(r.exitValue(), output);
  }
}
