package scot.pace.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.BuiltLake;
import scot.pace.SharedSpark;
import scot.pace.catalogue.BuildScope;
import scot.pace.catalogue.Layer;
import scot.pace.catalogue.Output;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.files.Folders;
import scot.pace.lake.Lake;

/**
 * A build for some councils computes their silver rows from their bronze rows again, keeps every
 * other council's, builds gold whole, and leaves every table equal, row for row, to a full build
 * from the same returns.
 *
 * <p>On a copy of the shared lake (a full build) whose silver rows of two councils are made stale,
 * as if new returns from them had come since: a build for those two must give back exactly the
 * full build's tables, without writing a row of any other council's.
 */
class CouncilRebuildTest {
  private static final String INVERCLYDE = "S12000018";
  private static final String MIDLOTHIAN = "S12000019";
  private static final String BOTH = "council IN ('" + INVERCLYDE + "', '" + MIDLOTHIAN + "')";

  @TempDir Path work;

  @Test
  void aBuildForTwoCouncilsReplacesTheirSilverRowsOnlyAndEqualsTheFullBuild() {
    BuiltLake built = BuiltLake.get();
    SparkSession spark = SharedSpark.session();
    Folders.copy(built.dir.resolve("lake"), work.resolve("lake"));
    Lake lake = Lake.at(work.resolve("lake"));
    for (Output silver : silverOutputs()) {
      DeltaTable.forPath(spark, lake.table(silver.table()))
          .updateExpr(BOTH, Map.of("child_key", "concat(child_key, '-stale')"));
    }
    Map<String, Long> goldBefore = versions(lake, Layer.GOLD);

    Map<String, Long> written = new LakeBuild(spark, lake, built.key, built.councils)
        .run(BuildScope.councils(Set.of(INVERCLYDE, MIDLOTHIAN)));

    for (Output silver : silverOutputs()) {
      Row commit = DeltaTable.forPath(spark, lake.table(silver.table())).history(1).first();
      String predicate = commit.<scala.collection.Map<String, String>>getAs("operationParameters").get("predicate").get();
      assertTrue(predicate.contains("council IN ('" + INVERCLYDE + "', '" + MIDLOTHIAN + "')"),
          silver.table() + ": the commit replaced the two councils' rows only, " + predicate);
      assertEquals(lake.read(spark, silver.table()).where(BOTH).count(), written.get(silver.table()), silver.table());
    }
    versions(lake, Layer.GOLD).forEach((table, version) ->
        assertTrue(version > goldBefore.get(table), table + " built again, whole"));
    for (Output output : OutputCatalogue.built()) {
      assertEquals(rows(spark, built.lake, output.table()), rows(spark, lake, output.table()),
          output.table() + ": the build for two councils against the full build");
    }
  }

  private static List<Output> silverOutputs() {
    return OutputCatalogue.built().stream().filter(o -> o.layer() == Layer.SILVER).toList();
  }

  private static Map<String, Long> versions(Lake lake, Layer layer) {
    Map<String, Long> versions = new LinkedHashMap<>();
    OutputCatalogue.built().stream().filter(o -> o.layer() == layer)
        .forEach(o -> versions.put(o.table(), lake.latestVersion(o.table()).orElseThrow()));
    return versions;
  }

  /** A table's rows, each as text, sorted. */
  private static List<String> rows(SparkSession spark, Lake lake, String table) {
    return lake.read(spark, table).collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
