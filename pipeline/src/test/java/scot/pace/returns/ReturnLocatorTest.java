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

  @Test
  void aSymbolicLinkToAFileOutsideOrToAnotherReturnIsNeverFollowed() throws IOException {
    Path elsewhere = Files.writeString(dir.resolve("secret.csv"), "la_code,collection_year,child_id,scn,dob,sex,"
        + "ethnicity,disability\nS12000042,2020,X,,2010-01-01,F,WS,N\n");
    Path linked = cleanReturn("S12000042_2020");
    Files.delete(linked.resolve("children.csv"));
    Files.createSymbolicLink(linked.resolve("children.csv"), elsewhere);
    Path other = cleanReturn("S12000042_2019");
    Path toOther = cleanReturn("S12000042_2021");
    Files.delete(toOther.resolve("placements.csv"));
    Files.createSymbolicLink(toOther.resolve("placements.csv"), other.resolve("placements.csv"));
    Files.createSymbolicLink(dir.resolve("returns/S12000042_2022"), other);
    ReturnLocator.Located located = locate();
    assertEquals(List.of("S12000042_2019"), located.submissions().stream().map(ReturnSubmission::returnKey).toList());
    assertEquals(3, located.problems().size(), located.problems().toString());
    assertTrue(located.problems().stream().anyMatch(p -> p.path().equals(linked.resolve("children.csv").toString())
        && p.reason().startsWith("is a symbolic link to " + elsewhere)), located.problems().toString());
    assertTrue(located.problems().stream().anyMatch(p -> p.path().equals(toOther.resolve("placements.csv").toString())
        && p.reason().startsWith("is a symbolic link")), located.problems().toString());
    assertTrue(located.problems().stream().anyMatch(p -> p.path().endsWith("S12000042_2022")
        && p.reason().contains("read only from the returns folder itself")), located.problems().toString());
  }

  @Test
  void semicolonsTabsAndUtf16AreNamedAndHeaderNamesMatchWithoutCaseOrSpaces() throws IOException {
    Path semicolons = cleanReturn("S12000042_2018");
    Files.writeString(semicolons.resolve("episodes.csv"),
        "la_code;collection_year;child_id;episode_id;episode_start;episode_end;destination\n");
    Path tabs = cleanReturn("S12000042_2019");
    Files.writeString(tabs.resolve("children.csv"),
        "la_code\tcollection_year\tchild_id\tscn\tdob\tsex\tethnicity\tdisability\n");
    Path utf16 = cleanReturn("S12000042_2020");
    Files.write(utf16.resolve("permanence.csv"), ("\uFEFF" + String.join(",", ReturnFile.PERMANENCE.columns()) + "\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    Path cased = cleanReturn("S12000042_2021");
    Files.writeString(cased.resolve("children.csv"),
        "LA_Code, Collection_Year ,Child_ID,SCN,DOB,Sex,Ethnicity,Disability\n");
    ReturnLocator.Located located = locate();
    assertEquals(List.of("S12000042_2021"), located.submissions().stream().map(ReturnSubmission::returnKey).toList());
    assertEquals(ReturnFile.CHILDREN.columns(), located.submissions().get(0).headers().get(ReturnFile.CHILDREN));
    assertTrue(located.problems().stream().anyMatch(p -> p.path().endsWith("S12000042_2018/episodes.csv")
        && p.reason().startsWith("is separated by semicolons, not commas")), located.problems().toString());
    assertTrue(located.problems().stream().anyMatch(p -> p.path().endsWith("S12000042_2019/children.csv")
        && p.reason().startsWith("is separated by tabs, not commas")), located.problems().toString());
    assertTrue(located.problems().stream().anyMatch(p -> p.path().endsWith("S12000042_2020/permanence.csv")
        && p.reason().startsWith("is saved as UTF-16 (two bytes to a character): save it as UTF-8")),
        located.problems().toString());
  }

  @Test
  void foldersAndZipsNamedAlmostAsAReturnAreListedAsRejectedWithTheNameMeant() throws IOException {
    cleanReturn("S12000042_2021");
    cleanReturn("S12000042_2020 (1)");
    cleanReturn("s12000042_2019");
    cleanReturn("S12000042_2018_v2");
    Files.writeString(dir.resolve("returns/S12000042_2017.ZIP"), "not read");
    Files.createDirectories(dir.resolve("returns/notes"));
    ReturnLocator.Located located = locate();
    assertEquals(List.of("S12000042_2021"), located.submissions().stream().map(ReturnSubmission::returnKey).toList());
    assertEquals(List.of("S12000042_2017.ZIP:S12000042_2017.zip", "S12000042_2018_v2:S12000042_2018",
        "S12000042_2020 (1):S12000042_2020", "s12000042_2019:S12000042_2019"),
        located.problems().stream().map(p -> p.returnName() + ":" + p.reason().replaceAll(
            "^is named like the return (\\S+) but not exactly as one.*rename it \\1, or remove it if it is a copy$", "$1"))
            .sorted().toList());
  }

  @Test
  void aZipThatExpandsFarBeyondItsSizeIsRefusedBeforeItFillsTheDisk() throws IOException {
    Path zip = Files.createDirectories(dir.resolve("returns")).resolve("S12000042_2020.zip");
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (ReturnFile file : ReturnFile.values()) {
        out.putNextEntry(new java.util.zip.ZipEntry(file.fileName()));
        out.write((String.join(",", file.columns()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (file == ReturnFile.CHILDREN) {
          byte[] line = "S12000042,2020,C1,,2010-01-01,F,WS,N\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          for (int i = 0; i < 600_000; i++) {
            out.write(line);
          }
        }
        out.closeEntry();
      }
    }
    assertTrue(Files.size(zip) < 1 << 20, "a small zip: " + Files.size(zip));
    ReturnLocator.Located located = locate();
    assertEquals(List.of(), located.submissions());
    assertTrue(located.problems().get(0).reason().startsWith(
        "zip entry 'children.csv' expands to more than 100 times its compressed size"), located.problems().toString());
  }
}
