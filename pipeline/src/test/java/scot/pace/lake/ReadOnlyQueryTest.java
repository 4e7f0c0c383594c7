package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.SharedSpark;
import scot.pace.failure.InputFailure;

/**
 * What an analyst's query may do to a lake through {@code pace sql}: read it, and nothing else,
 * whatever the statement tries (each of these changed the lake or printed a secret before).
 */
class ReadOnlyQueryTest {
  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void lake() {
    // A session of its own (the shared one's context), so locking it down touches no other test.
    spark = SharedSpark.session().newSession();
    Lake lake = Lake.at(dir.resolve("lake"));
    spark.sql("SELECT id AS child, id % 3 AS placements FROM range(10)").write().format("delta")
        .save(lake.table("bronze_children"));
    lake.registerViews(spark);
    ReadOnlyQuery.lockDown(spark);
  }

  @Test
  void theTablesAQueryReadsAreFoundBeforeSparkRunsIt() {
    assertEquals(java.util.Optional.of(java.util.Set.of("gold_aim1", "gold_nope", "bronze_children")),
        ReadOnlyQuery.tablesRead("SELECT * FROM gold_aim1 a JOIN Gold_Nope n USING (council)"
            + " WHERE council IN (SELECT _council FROM bronze_children)"));
    assertEquals(java.util.Optional.of(java.util.Set.of("gold_aim2")), ReadOnlyQuery.tablesRead(
        "WITH recent AS (SELECT * FROM gold_aim2 WHERE cohort_year > 2020) SELECT count(*) FROM recent"),
        "a name the query defines is not a table");
    assertEquals(java.util.Optional.of(java.util.Set.of()), ReadOnlyQuery.tablesRead("SELECT 2 AS two"));
    assertEquals(java.util.Optional.of(java.util.Set.of("text./etc/passwd")),
        ReadOnlyQuery.tablesRead("SELECT * FROM text.`/etc/passwd`"), "a file by its path is no table of the lake");
    assertEquals(java.util.Optional.empty(), ReadOnlyQuery.tablesRead("SHOW TABLES"), "any table");
    assertTrue(assertThrows(InputFailure.class, () -> ReadOnlyQuery.tablesRead("DELETE FROM bronze_children"))
        .getMessage().contains("only reads the lake"));
    assertTrue(assertThrows(InputFailure.class, () -> ReadOnlyQuery.tablesRead("VACUUM bronze_children"))
        .getMessage().contains("only reads the lake"), "Delta's own statements parse, and are refused");
    assertTrue(assertThrows(InputFailure.class, () -> ReadOnlyQuery.tablesRead("SELEC 1"))
        .getMessage().contains("does not parse"));
  }

  @Test
  void queriesAreAnswered() {
    assertEquals(10L, ReadOnlyQuery.of(spark, "SELECT count(*) FROM bronze_children").first().getLong(0));
    assertEquals(3L, ReadOnlyQuery.of(spark, "WITH c AS (SELECT DISTINCT placements FROM bronze_children)"
        + " SELECT count(*) FROM c").first().getLong(0));
    assertTrue(ReadOnlyQuery.of(spark, "SHOW TABLES").collectAsList().toString().contains("bronze_children"));
    assertEquals(2, ReadOnlyQuery.of(spark, "DESCRIBE bronze_children").count());
  }

  @Test
  void statementsThatWouldChangeTheLakeOrTheSessionAreRefusedAndChangeNothing() {
    for (String statement : List.of(
        "DELETE FROM bronze_children WHERE child < 5",
        "UPDATE bronze_children SET placements = 0",
        "INSERT INTO bronze_children VALUES (99, 1)",
        "WITH c AS (SELECT 99 AS child, 1 AS placements) INSERT INTO bronze_children SELECT * FROM c",
        "MERGE INTO bronze_children t USING (SELECT 1 AS child) s ON t.child = s.child WHEN MATCHED THEN DELETE",
        "CREATE TABLE copy AS SELECT * FROM bronze_children",
        "DROP VIEW bronze_children",
        "TRUNCATE TABLE bronze_children",
        "SET spark.sql.runSQLOnFiles = true",
        "CACHE TABLE bronze_children",
        "VACUUM '" + dir.resolve("lake/bronze_children") + "' RETAIN 0 HOURS",
        "RESTORE TABLE delta.`" + dir.resolve("lake/bronze_children") + "` TO VERSION AS OF 0",
        "SELECT TRANSFORM(child) USING 'cat' AS (c) FROM bronze_children")) {
      InputFailure refused = assertThrows(InputFailure.class, () -> ReadOnlyQuery.of(spark, statement), statement);
      assertTrue(refused.getMessage().startsWith("pace sql only reads the lake"), refused.getMessage());
    }
    assertEquals(10L, spark.sql("SELECT count(*) FROM bronze_children").first().getLong(0));
    assertEquals(45L, spark.sql("SELECT sum(child) FROM bronze_children").first().getLong(0));
    assertEquals("false", spark.conf().get("spark.sql.runSQLOnFiles"));
  }

  @Test
  void noQueryCallsJavaByReflectionOrReadsAFileByItsPath() {
    for (String query : List.of(
        "SELECT reflect('java.lang.System', 'getenv', 'PATH')",
        "SELECT java_method('java.lang.System', 'getenv', 'PATH')",
        "SELECT try_reflect('java.lang.System', 'getenv', 'PATH')",
        "SELECT * FROM text.`/etc/hostname`",
        "SELECT * FROM delta.`" + dir.resolve("lake/bronze_children") + "`")) {
      Exception refused = assertThrows(Exception.class, () -> ReadOnlyQuery.of(spark, query).collectAsList(), query);
      assertTrue(((Object) refused) instanceof org.apache.spark.sql.AnalysisException, query + ": " + refused);
    }
  }
}
