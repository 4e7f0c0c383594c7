package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.files.Folders;

/** A memo is used only at the very commit it was worked out at. */
class TableMemoTest {
  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = scot.pace.SharedSpark.session();
  }


  static IngestManifest.Entry loaded(String returnKey, String fingerprint) {
    return new IngestManifest.Entry("run", returnKey, returnKey, "S12000023", 2021, "children.csv", "/r/children.csv",
        "abc", 10L, 3L, fingerprint, IngestManifest.Status.LOADED, null, Instant.parse("2026-11-01T00:00:00Z"), null);
  }

  @Test
  void aManifestDeletedAndWrittenAgainFromVersionZeroIsNotTakenForTheOldOne() {
    Lake lake = Lake.at(dir.resolve("lake"));
    IngestManifest manifest = new IngestManifest(spark, lake);
    manifest.append(manifest.state(), List.of(loaded("S12000023_2021", "old")));
    assertEquals(Set.of("S12000023_2021"), manifest.state().everLoaded());
    long version = lake.latestVersion(IngestManifest.TABLE).orElseThrow();

    // An analyst removes the manifest to have every return loaded again; the memo stays behind.
    Folders.deleteRecursively(dir.resolve("lake").resolve(IngestManifest.TABLE));
    manifest.append(manifest.state(), List.of(loaded("S12000042_2022", "new")));
    assertEquals(version, lake.latestVersion(IngestManifest.TABLE).orElseThrow(), "the same version number again");
    IngestManifest.State state = manifest.state();
    assertEquals(Set.of("S12000042_2022"), state.everLoaded());
    assertEquals(Map.of("S12000042_2022", new IngestManifest.Latest("new", IngestManifest.Status.LOADED)),
        state.latest());
  }
}
