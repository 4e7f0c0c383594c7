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

  @Test
  void aCopyHoldsEveryFolderAndFileWithItsBytes() throws IOException {
    Files.createDirectories(out.resolve("from/lake/_delta_log"));
    Files.createDirectories(out.resolve("from/empty"));
    Files.writeString(out.resolve("from/lake/_delta_log/00000000000000000000.json"), "{\"commitInfo\":{}}");
    Files.writeString(out.resolve("from/top.csv"), "a,b\n1,2\n");
    Folders.copy(out.resolve("from"), out.resolve("to"));
    try (Stream<Path> from = Files.walk(out.resolve("from")); Stream<Path> to = Files.walk(out.resolve("to"))) {
      assertEquals(from.map(p -> out.resolve("from").relativize(p).toString()).sorted().toList(),
          to.map(p -> out.resolve("to").relativize(p).toString()).sorted().toList());
    }
    assertEquals("{\"commitInfo\":{}}", Files.readString(out.resolve("to/lake/_delta_log/00000000000000000000.json")));
    assertEquals("a,b\n1,2\n", Files.readString(out.resolve("to/top.csv")));
  }
}
