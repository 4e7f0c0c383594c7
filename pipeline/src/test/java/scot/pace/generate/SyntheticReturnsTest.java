package scot.pace.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.TestCouncils;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.Sha256;

/** The generator's invariants, read back from the CSV files it writes. */
class SyntheticReturnsTest {
  @TempDir static Path dir;
  static Path returns;
  static GenerationSummary summary;

  @BeforeAll
  static void generateTwoCouncilsThreeYears() {
    returns = dir.resolve("returns");
    summary = new SyntheticReturns(TestCouncils.parameters(), TestCouncils.three())
        .write(returns, dir.resolve("truth"), List.of(TestCouncils.FIFE, TestCouncils.DUNDEE), 2017, 2019);
  }

  @Test
  void writesOneFolderOfFiveFilesPerCouncilAndYearWithFormerCodesBefore2019() throws IOException {
    List<String> folders;
    try (Stream<Path> list = Files.list(returns)) {
      folders = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(List.of("S12000015_2017", "S12000015_2018", "S12000042_2017", "S12000042_2018",
        "S12000042_2019", "S12000047_2019"), folders);
    for (String folder : folders) {
      for (ReturnFile file : ReturnFile.values()) {
        List<String> lines = Files.readAllLines(returns.resolve(folder).resolve(file.fileName()));
        assertEquals(String.join(",", file.columns()), lines.get(0));
        String code = folder.substring(0, 9);
        String year = folder.substring(10);
        for (String line : lines.subList(1, lines.size())) {
          assertTrue(line.startsWith(code + "," + year + ","), folder + "/" + file.fileName() + ": " + line);
        }
      }
    }
    assertEquals(6, summary.returnsWritten());
  }

  @Test
  void episodesAreOpenDuringTheirYearAndDoNotOverlap() throws IOException {
    for (Path folder : folders()) {
      int year = Integer.parseInt(folder.getFileName().toString().substring(10));
      LocalDate yearStart = LocalDate.of(year - 1, 8, 1);
      LocalDate snapshot = LocalDate.of(year, 7, 31);
      Map<String, List<LocalDate[]>> byChild = new HashMap<>();
      for (String[] row : rows(folder, ReturnFile.EPISODES)) {
        LocalDate start = LocalDate.parse(row[4]);
        LocalDate end = row[5].isEmpty() ? null : LocalDate.parse(row[5]);
        assertFalse(start.isAfter(snapshot), "episode starts after the snapshot: " + String.join(",", row));
        if (end != null) {
          assertFalse(end.isBefore(yearStart), "episode ended before the year: " + String.join(",", row));
          assertFalse(end.isAfter(snapshot));
          assertTrue(end.isAfter(start));
          assertFalse(row[6].isEmpty(), "an ended episode has a destination");
        } else {
          assertTrue(row[6].isEmpty(), "an open episode has no destination yet");
        }
        byChild.computeIfAbsent(row[2], k -> new ArrayList<>()).add(new LocalDate[] {start, end});
      }
      for (List<LocalDate[]> episodes : byChild.values()) {
        episodes.sort((a, b) -> a[0].compareTo(b[0]));
        for (int i = 1; i < episodes.size(); i++) {
          LocalDate previousEnd = episodes.get(i - 1)[1];
          assertTrue(previousEnd != null && previousEnd.isBefore(episodes.get(i)[0]), "episodes overlap");
        }
      }
    }
  }

  @Test
  void placementsLieInsideTheirEpisodeAndFollowOneAnother() throws IOException {
    for (Path folder : folders()) {
      Map<String, LocalDate[]> episodes = new HashMap<>();
      for (String[] row : rows(folder, ReturnFile.EPISODES)) {
        episodes.put(row[2] + "/" + row[3],
            new LocalDate[] {LocalDate.parse(row[4]), row[5].isEmpty() ? null : LocalDate.parse(row[5])});
      }
      Map<String, List<LocalDate[]>> placements = new TreeMap<>();
      for (String[] row : rows(folder, ReturnFile.PLACEMENTS)) {
        LocalDate[] episode = episodes.get(row[2] + "/" + row[3]);
        LocalDate start = LocalDate.parse(row[4]);
        LocalDate end = row[5].isEmpty() ? null : LocalDate.parse(row[5]);
        assertFalse(start.isBefore(episode[0]), "placement before its episode");
        if (episode[1] != null) {
          assertTrue(end != null && !end.isAfter(episode[1]), "placement after its episode");
        }
        placements.computeIfAbsent(row[2] + "/" + row[3], k -> new ArrayList<>()).add(new LocalDate[] {start, end});
      }
      for (List<LocalDate[]> list : placements.values()) {
        for (int i = 1; i < list.size(); i++) {
          assertEquals(list.get(i - 1)[1], list.get(i)[0], "placements follow one another without overlap");
        }
      }
    }
  }

  @Test
  void anEpisodeOpenAtOneSnapshotAppearsAgainNextYearWithTheSameHistory() throws IOException {
    Map<String, String> open2017 = new HashMap<>();
    for (String[] row : rows(returns.resolve("S12000042_2017"), ReturnFile.EPISODES)) {
      if (row[5].isEmpty()) {
        open2017.put(row[2] + "/" + row[3], row[4]);
      }
    }
    Map<String, String> in2018 = new HashMap<>();
    for (String[] row : rows(returns.resolve("S12000042_2018"), ReturnFile.EPISODES)) {
      in2018.put(row[2] + "/" + row[3], row[4]);
    }
    assertTrue(open2017.size() > 100, "Dundee has many children looked after at 31 July 2017");
    for (Map.Entry<String, String> episode : open2017.entrySet()) {
      assertEquals(episode.getValue(), in2018.get(episode.getKey()), "episode " + episode.getKey());
    }
    List<String> placements2017 = new ArrayList<>();
    for (String[] row : rows(returns.resolve("S12000042_2017"), ReturnFile.PLACEMENTS)) {
      if (open2017.containsKey(row[2] + "/" + row[3]) && !row[5].isEmpty()) {
        placements2017.add(row[2] + "/" + row[3] + "/" + row[4] + "/" + row[5] + "/" + row[6]);
      }
    }
    List<String> placements2018 = new ArrayList<>();
    for (String[] row : rows(returns.resolve("S12000042_2018"), ReturnFile.PLACEMENTS)) {
      placements2018.add(row[2] + "/" + row[3] + "/" + row[4] + "/" + row[5] + "/" + row[6]);
    }
    assertTrue(placements2018.containsAll(placements2017), "ended placements repeat unchanged");
  }

  @Test
  void isReproducibleToTheByteAndNarrowingCouncilsChangesNothingForTheOthers(@TempDir Path other) throws IOException {
    Path again = other.resolve("returns");
    new SyntheticReturns(TestCouncils.parameters(), TestCouncils.three())
        .write(again, other.resolve("truth"), List.of(TestCouncils.DUNDEE), 2018, 2018);
    for (ReturnFile file : ReturnFile.values()) {
      assertEquals(
          Sha256.of(returns.resolve("S12000042_2018").resolve(file.fileName())),
          Sha256.of(again.resolve("S12000042_2018").resolve(file.fileName())),
          file.fileName());
    }
  }

  @Test
  void anotherSeedGivesOtherChildren(@TempDir Path other) {
    new SyntheticReturns(TestCouncils.parameters().withSeed(7), TestCouncils.three())
        .write(other, other.resolve("truth"), List.of(TestCouncils.DUNDEE), 2018, 2018);
    assertNotEquals(
        Sha256.of(returns.resolve("S12000042_2018").resolve("episodes.csv")),
        Sha256.of(other.resolve("S12000042_2018").resolve("episodes.csv")));
  }

  @Test
  void truthNamesEveryChildInTheReturnsWithItsSpellsNumberedFromOne() throws IOException {
    java.util.Set<String> inReturns = new java.util.TreeSet<>();
    for (Path folder : folders()) {
      if (folder.getFileName().toString().contains("42_")) {
        for (String[] row : rows(folder, ReturnFile.CHILDREN)) {
          inReturns.add(row[2]);
        }
      }
    }
    List<String> truth = Files.readAllLines(dir.resolve("truth").resolve("outcomes_S12000042.csv"));
    java.util.Set<String> inTruth = new java.util.TreeSet<>();
    java.util.Map<String, Integer> lastSpell = new java.util.HashMap<>();
    int laterSpells = 0;
    for (String line : truth.subList(1, truth.size())) {
      String[] fields = line.split(",", -1);
      inTruth.add(fields[1]);
      int spell = Integer.parseInt(fields[2]);
      assertEquals(lastSpell.getOrDefault(fields[1], 0) + 1, spell, "spells of " + fields[1] + " in order");
      lastSpell.put(fields[1], spell);
      laterSpells += spell > 1 ? 1 : 0;
    }
    assertEquals(inReturns, inTruth);
    assertTrue(laterSpells > 0, "some children come back into care");
  }

  @Test
  void summaryCountsEveryRowWritten() throws IOException {
    for (ReturnFile file : ReturnFile.values()) {
      long lines = 0;
      for (Path folder : folders()) {
        lines += Files.readAllLines(folder.resolve(file.fileName())).size() - 1;
      }
      assertEquals(lines, summary.rowsByFile().get(file), file.fileName());
    }
  }

  private static List<Path> folders() throws IOException {
    try (Stream<Path> list = Files.list(returns)) {
      return list.sorted().toList();
    }
  }

  private static List<String[]> rows(Path folder, ReturnFile file) throws IOException {
    List<String> lines = Files.readAllLines(folder.resolve(file.fileName()));
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }
}
