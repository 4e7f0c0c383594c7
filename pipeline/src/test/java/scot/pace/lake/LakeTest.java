package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTest {
  @TempDir Path root;

  @Test
  void aFolderIsATableOnlyOnceItsLogHoldsACommit() throws IOException {
    Files.createDirectories(root.resolve("gold_a/_delta_log"));
    Files.writeString(root.resolve("gold_a/_delta_log/00000000000000000000.json"), "{}");
    Files.createDirectories(root.resolve("gold_b/_delta_log"));
    Files.writeString(root.resolve("gold_b/_delta_log/00000000000000000010.checkpoint.parquet"), "");
    // A run killed before this table's first commit leaves its folder and an empty log.
    Files.createDirectories(root.resolve("gold_killed/_delta_log/_commits"));
    Files.writeString(root.resolve("gold_killed/part-00000.parquet"), "");
    Files.createDirectories(root.resolve("not_a_table"));

    assertEquals(List.of("gold_a", "gold_b"), Lake.at(root).localTableNames());
    // Without Spark for a local lake: the same answer, table by table.
    Lake lake = Lake.at(root);
    assertEquals(List.of(true, true, false, false, false), List.of(lake.exists(null, "gold_a"),
        lake.exists(null, "gold_b"), lake.exists(null, "gold_killed"), lake.exists(null, "not_a_table"),
        lake.exists(null, "absent")));
  }

  @Test
  void aLakeNotYetWrittenHasNoTables() {
    assertEquals(List.of(), Lake.at(root.resolve("absent")).localTableNames());
  }
}
