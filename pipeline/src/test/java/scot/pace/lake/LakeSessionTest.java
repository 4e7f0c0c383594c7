package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class LakeSessionTest {
  /** A command started in any folder leaves no {@code spark-warehouse/} there. */
  @Test
  void sparksWarehouseIsAFolderOfTheJvmsOwnNotTheWorkingFolder() throws Exception {
    SparkSession spark = scot.pace.SharedSpark.session();
    String location = spark.catalog().getDatabase("default").locationUri();
    Path working = Path.of("").toAbsolutePath();
    assertFalse(location.startsWith(working.toUri().toString()), location);
    assertTrue(location.contains("pace-spark-warehouse-"), location);
    assertTrue(Files.isDirectory(Path.of(java.net.URI.create(LakeSession.warehouse()))), LakeSession.warehouse());
  }
}
