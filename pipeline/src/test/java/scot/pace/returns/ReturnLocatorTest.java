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

  @Test
  void aReturnNamedForAYearOutOfRangeIsRejectedAloneAndTheOthersStillLoad() throws IOException {
    cleanReturn("S12000042_2020");
    cleanReturn("S12000042_1989");
    cleanReturn("S12000042_2027");
    cleanReturn("S12000042_2026");
    ReturnLocator.Located located = new ReturnLocator(TestCouncils.three(), dir.resolve("staging"),
        java.time.LocalDate.of(2026, 12, 2)).locate(dir.resolve("returns"));
    assertEquals(List.of("S12000042_2020", "S12000042_2026"),
        located.submissions().stream().map(ReturnSubmission::returnKey).toList());
    assertEquals(2, located.problems().size(), located.problems().toString());
    assertTrue(located.problems().stream().anyMatch(p -> p.path().endsWith("S12000042_1989")
        && p.reason().startsWith("collection year 1989 is before 1990")), located.problems().toString());
    assertTrue(located.problems().stream().anyMatch(p -> p.path().endsWith("S12000042_2027")
        && p.reason().startsWith("collection year 2027 has not ended (it ends on 31 July 2027)")),
        located.problems().toString());
    // On 31 July 2026 the 2026 snapshot is today: its return cannot be complete yet.
    assertEquals(2026, scot.pace.returns.ReturnId.latestYear(java.time.LocalDate.of(2026, 8, 1)));
    assertEquals(2025, scot.pace.returns.ReturnId.latestYear(java.time.LocalDate.of(2026, 7, 31)));
  }
}
