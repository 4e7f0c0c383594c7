package scot.pace.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
  @TempDir Path out;

  @Test
  void aFolderAsideClearsWhatKilledWritersLeftAndKeepsWhatLiveOnesWrite() throws IOException {
    long me = ProcessHandle.current().pid();
    // 4194304 is Linux's largest pid: 9999999 never runs.
    for (String name : List.of(".report-9999999-1", ".report-old-9999999-2", ".restricted-14491129247909",
        ".report-" + me + "-3", "report", ".notes", ".S12000023_2021.partial")) {
      Files.createDirectories(out.resolve(name));
    }
    Path aside = Folders.aside(out.resolve("report"));
    assertTrue(aside.getFileName().toString().startsWith(".report-" + me + "-"), aside.toString());
    Folders.swapIn(aside, out.resolve("report"));
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(List.of(".S12000023_2021.partial", ".notes", ".report-" + me + "-3", "report"),
          left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
