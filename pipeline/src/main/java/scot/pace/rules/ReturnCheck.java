package scot.pace.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.council.Councils;
import scot.pace.files.Folders;
import scot.pace.lake.BronzeTables;
import scot.pace.lake.Lineage;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.ReturnLocator;
import scot.pace.returns.ReturnProblem;
import scot.pace.returns.ReturnSubmission;

/**
 * Checks one return (folder or zip) against the whole catalogue without touching any lake: what a
 * council's data team runs before sending its return.
 */
public final class ReturnCheck {
  /** One broken rule on one row. */
  public record Finding(String file, long row, String ruleId, Severity severity, String message, String rawRow) {}

  /**
   * The outcome: the problem that stopped the return being read (or null), rows read per file,
   * unknown columns, and every finding in file and row order.
   */
  public record Result(
      String returnName,
      ReturnProblem unreadable,
      Map<ReturnFile, Long> rowsRead,
      List<String> notes,
      List<Finding> findings) {

    public long errors() {
      return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
      return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }
  }

  private ReturnCheck() {}

  public static Result check(
      SparkSession spark, Path path, Councils councils, Path staging, List<CodeMapping> codeMappings) {
    return check(() -> spark, path, councils, staging, codeMappings, List.of());
  }

  /**
   * As above, with Spark asked for only once the return has been found and its files opened: a
   * wrong name, a missing file or a header that does not match is answered without starting it.
   */
  public static Result check(java.util.function.Supplier<SparkSession> sparkWhenNeeded, Path path, Councils councils,
      Path staging, List<CodeMapping> codeMappings, List<DateFormat> dateFormats) {
    Path runStaging = staging.resolve("validate-" + ProcessHandle.current().pid());
    try {
      ReturnLocator.Located located = new ReturnLocator(councils, runStaging).locateOne(path);
      if (located.submissions().isEmpty()) {
        ReturnProblem problem = located.problems().get(0);
        return new Result(problem.returnName(), problem, Map.of(), List.of(), List.of());
      }
      ReturnSubmission submission = located.submissions().get(0);
      SparkSession spark = sparkWhenNeeded.get();
      ReturnReading reading = new ReturnReading(codeMappings, dateFormats);
      Map<ReturnFile, Dataset<Row>> batch = new EnumMap<>(ReturnFile.class);
      Map<ReturnFile, Long> rows = new EnumMap<>(ReturnFile.class);
      List<String> notes = new ArrayList<>();
      for (ReturnFile file : ReturnFile.values()) {
        Dataset<Row> data = reading.apply(file,
            BronzeTables.read(spark, file, List.of(submission), "validate", Instant.now())).localCheckpoint(true);
        batch.put(file, data);
        rows.put(file, data.count());
        List<String> unknown =
            submission.headers().get(file).stream().filter(c -> !file.columns().contains(c)).toList();
        if (!unknown.isEmpty()) {
          notes.add(file.fileName() + ": columns the contract does not know are ignored: " + String.join(", ", unknown));
        }
      }
      List<Finding> findings = new ArrayList<>();
      for (Row row : new Validation(councils.formerToCurrent()).violations(batch)
          .orderBy("file", Lineage.ROW_NUMBER, "rule_id").collectAsList()) {
        findings.add(new Finding(row.getAs("file"), row.<Long>getAs(Lineage.ROW_NUMBER), row.getAs("rule_id"),
            Severity.valueOf(row.getAs("severity")), row.getAs("message"), row.getAs("raw_row")));
      }
      return new Result(submission.id().folderName(), null, rows, notes, findings);
    } finally {
      Folders.deleteRecursively(runStaging);
    }
  }
}
