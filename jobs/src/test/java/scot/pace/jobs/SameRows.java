package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import scot.pace.lake.IngestManifest;
import scot.pace.lake.Lake;
import scot.pace.lake.LakeSession;
import scot.pace.lake.Lineage;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.Sha256;

/**
 * Two tables hold the same rows, as multisets: each read once into the driver as JSON lines and
 * compared there (the tables of a small lake are a few thousand rows; two scans instead of the
 * counts and the shuffle of {@code exceptAll}). A difference is shown as the rows each side has
 * that the other has not.
 */
final class SameRows {
  private static final int SHOWN = 5;
  /** The columns that say which run wrote a row, and which bytes it was read from. */
  static final List<String> RUN_COLUMNS = List.of("_run_id", "_ingested_at", "run_id", "recorded_at", "sequence",
      Lineage.SOURCE_SHA256);

  private SameRows() {}

  /**
   * The lake of {@code work}, a copy of the demo's work folder in which the {@code resent} returns
   * were sent again in other bytes and nights were run since, holds what the demo's holds: every
   * table but the run log the same rows, apart from which run wrote a row and from which bytes; the
   * manifest the demo's entries and one more per file of each return sent again, with its new
   * bytes' hash, written once.
   */
  static void assertSameLakeAsTheDemo(ThreeCouncilDemo demo, Path work, List<String> resent) throws IOException {
    SparkSession spark = LakeSession.local("local[2]", "SameRows", 2);
    try {
      Lake expected = Lake.at(demo.workDir.resolve("lake"));
      Lake after = Lake.at(work.resolve("lake"));
      List<String> tables = expected.localTableNames().stream().filter(t -> !t.equals("run_log")).toList();
      assertTrue(tables.contains("bronze_episodes") && tables.contains(IngestManifest.TABLE)
          && tables.contains("gold_funnel_limits"), tables.toString());
      assertEquals(tables, after.localTableNames().stream().filter(t -> !t.equals("run_log")).toList());
      for (String table : tables) {
        if (!table.equals(IngestManifest.TABLE)) {
          assertSameRows(comparable(expected.read(spark, table), RUN_COLUMNS, demo.workDir),
              comparable(after.read(spark, table), RUN_COLUMNS, work, demo.workDir), table);
        }
      }
      String keys = resent.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
      Dataset<Row> manifest = comparable(after.read(spark, IngestManifest.TABLE), RUN_COLUMNS, work, demo.workDir);
      Dataset<Row> demoManifest = comparable(expected.read(spark, IngestManifest.TABLE), RUN_COLUMNS, demo.workDir);
      Dataset<Row> newEntries = manifest.exceptAll(demoManifest);
      assertEquals(0, demoManifest.exceptAll(manifest).count(), "the demo's entries are all still there");
      List<String> expectedNew = new ArrayList<>();
      for (String key : resent) {
        for (ReturnFile file : ReturnFile.values()) {
          expectedNew.add(key + " " + file.fileName() + " LOADED "
              + Sha256.of(work.resolve("returns").resolve(key).resolve(file.fileName())));
        }
      }
      assertEquals(expectedNew.stream().sorted().toList(), newEntries.where("return_key IN (" + keys + ")")
          .selectExpr("concat_ws(' ', return_key, file, status, sha256)").as(Encoders.STRING()).collectAsList()
          .stream().sorted().toList());
      assertEquals(expectedNew.size(), newEntries.count(), "no other entry was added");
    } finally {
      spark.stop();
    }
    assertEquals(reports(demo.out), reports(work.resolve("out")), "the reports");
  }

  static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String table) {
    Map<String, Integer> balance = new HashMap<>();
    expected.toJSON().collectAsList().forEach(row -> balance.merge(row, 1, Integer::sum));
    actual.toJSON().collectAsList().forEach(row -> balance.merge(row, -1, Integer::sum));
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    balance.forEach((row, n) -> {
      for (int i = 0; i < Math.abs(n); i++) {
        (n > 0 ? missing : extra).add(row);
      }
    });
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail(table + ": " + missing.size() + " rows expected and missing, " + extra.size() + " rows not expected;"
          + "\nmissing, e.g.: " + String.join("\n  ", missing.subList(0, Math.min(SHOWN, missing.size())))
          + "\nnot expected, e.g.: " + String.join("\n  ", extra.subList(0, Math.min(SHOWN, extra.size()))));
    }
  }

  /**
   * The table without the {@code dropped} columns (those that say which run wrote a row), maps
   * made comparable, and the work folders taken out of the paths.
   */
  static Dataset<Row> comparable(Dataset<Row> table, List<String> dropped, Path... works) {
    List<String> keep = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      String column = field.name();
      if (dropped.contains(column)) {
        continue;
      } else if (field.dataType() instanceof MapType) {
        keep.add("to_json(array_sort(map_entries(" + column + "))) AS " + column);
      } else if (field.dataType() instanceof StringType) {
        String value = column;
        for (Path work : works) {
          value = "replace(" + value + ", '" + work + "', '')";
        }
        keep.add(value + " AS " + column);
      } else {
        keep.add(column);
      }
    }
    return table.selectExpr(keep.toArray(String[]::new));
  }

  /**
   * Every report file under {@code out} with the SHA-256 of its content; a page's content without
   * the line that names the run which made it.
   */
  static TreeMap<String, String> reports(Path out) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    for (String folder : List.of("report", "restricted")) {
      try (Stream<Path> all = Files.walk(out.resolve(folder))) {
        for (Path file : all.filter(Files::isRegularFile).toList()) {
          String hash = file.toString().endsWith(".html")
              ? Sha256.of(Files.readString(file).replaceAll("<p class=\"provenance\">[^<]*</p>", ""))
              : Sha256.of(file);
          files.put(out.relativize(file).toString(), hash);
        }
      }
    }
    return files;
  }
}
