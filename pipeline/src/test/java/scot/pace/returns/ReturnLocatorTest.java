package scot.pace.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.TestCouncils;

/** File-level checks that need no Spark: what makes a whole return unreadable. */
class ReturnLocatorTest {
  @TempDir Path dir;

  private Path cleanReturn(String name) throws IOException {
    Path folder = dir.resolve("returns").resolve(name);
    Files.createDirectories(folder);
    for (ReturnFile file : ReturnFile.values()) {
      Files.writeString(folder.resolve(file.fileName()), String.join(",", file.columns()) + "\n");
    }
    return folder;
  }

  private ReturnLocator.Located locate() {
    return new ReturnLocator(TestCouncils.three(), dir.resolve("staging")).locate(dir.resolve("returns"));
  }

  @Test
  void aHeaderWithoutAColumnOfTheContractRejectsTheReturnAndNamesTheColumn() throws IOException {
    Path folder = cleanReturn("S12000042_2020");
    Files.writeString(folder.resolve("episodes.csv"), "la_code,collection_year,child_id,episode_id,episode_start,destination\n");
    ReturnLocator.Located located = locate();
    assertEquals(List.of(), located.submissions());
    assertEquals(folder.resolve("episodes.csv") + ": the header lacks the column episode_end (the header row must name"
        + " every column of episodes.csv: la_code,collection_year,child_id,episode_id,episode_start,episode_end,"
        + "destination)", located.problems().get(0).message());
  }

  @Test
  void aColumnNamedTwiceRejectsTheReturn() throws IOException {
    Path folder = cleanReturn("S12000042_2020");
    Files.writeString(folder.resolve("children.csv"),
        "la_code,collection_year,child_id,scn,dob,sex,ethnicity,disability,sex\n");
    assertTrue(locate().problems().get(0).reason().contains("names the column sex more than once"));
  }

  @Test
  void aBomAndQuotedHeaderNamesAreReadAndTheFormerCodeIsMapped() throws IOException {
    Path folder = cleanReturn("S12000015_2017");
    Files.writeString(folder.resolve("children.csv"),
        "\uFEFF\"la_code\",collection_year,child_id,scn,dob,sex,ethnicity,disability\r\n");
    ReturnLocator.Located located = locate();
    assertEquals(List.of(), located.problems());
    assertEquals("S12000047_2017", located.submissions().get(0).returnKey(), "Fife's former code");
  }

  @Test
  void anUnknownCouncilCodeAndTheSameReturnTwiceAreRejected() throws IOException {
    cleanReturn("S12000999_2020");
    cleanReturn("S12000015_2018");
    cleanReturn("S12000047_2018");
    ReturnLocator.Located located = locate();
    assertEquals(List.of(), located.submissions());
    assertEquals(3, located.problems().size());
    assertTrue(located.problems().stream().anyMatch(p -> p.reason().startsWith("council code S12000999 is not one")));
    assertTrue(located.problems().stream().anyMatch(p -> p.reason().startsWith("the return for Fife 2018 is given 2 times")));
  }
}
