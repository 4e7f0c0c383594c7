package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the lake reads from a real Delta table's own commits, without asking Spark. */
class LakeCommitTest {
  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = scot.pace.SharedSpark.session();
  }


  @Test
  void theRowsWrittenAreThoseOfTheLatestCommit() {
    Lake lake = Lake.at(dir.resolve("lake"));
    assertEquals(Optional.empty(), lake.rowsWritten("gold_x"), "no table yet");

    spark.range(7).write().format("delta").mode("overwrite").save(lake.table("gold_x"));
    assertEquals(Optional.of(7L), lake.rowsWritten("gold_x"));

    spark.range(1000).where("id % 3 = 0").write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .save(lake.table("gold_x"));
    assertEquals(Optional.of(334L), lake.rowsWritten("gold_x"));
    assertEquals(334L, lake.read(spark, "gold_x").count());

    spark.range(0).write().format("delta").mode("overwrite").save(lake.table("gold_x"));
    assertEquals(Optional.of(0L), lake.rowsWritten("gold_x"), "an empty table wrote no rows");
  }
}
