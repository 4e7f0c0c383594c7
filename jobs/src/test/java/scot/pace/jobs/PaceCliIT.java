package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.build.LakeBuild;
import scot.pace.catalogue.Output;
import scot.pace.catalogue.OutputCatalogue;

/**
 * The command line end to end, as a user runs it: the shared three-council demo, then sql,
 * validate, replicate-scra and more nightly runs over its lake (those that write, on a copy).
 */
class PaceCliIT {
  @TempDir Path dir;
  static ThreeCouncilDemo shared;
  static Path config;
  static Path work;
  static Result demo;

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void runDemo() {
    shared = ThreeCouncilDemo.get();
    config = shared.config;
    work = shared.workDir;
    demo = shared.result;
  }


  @Test
  void demoGeneratesIngestsAndSaysWhereEverythingWent() {
    assertEquals(0, demo.exitCode(), demo.err());
    assertTrue(demo.out().contains("generate done in"), demo.out());
    assertTrue(demo.out().contains("ingest done in"), demo.out());
    assertTrue(demo.out().contains("27 returns loaded"), demo.out());
    assertTrue(demo.out().contains("Delta lake:           " + work.resolve("lake")), demo.out());
    List<String> expected = new java.util.ArrayList<>();
    for (String council : List.of("S12000023", "S12000024", "S12000036", "S12000048")) {
      for (int year = ThreeCouncilDemo.FIRST_YEAR; year <= 2024; year++) {
        // Perth and Kinross sends under its former code up to 2018.
        boolean perth = council.equals("S12000024") || council.equals("S12000048");
        if (!perth || council.equals("S12000024") == year <= 2018) {
          expected.add(council + "_" + year);
        }
      }
    }
    try (var folders = Files.list(work.resolve("returns"))) {
      assertEquals(expected, folders.map(p -> p.getFileName().toString()).sorted().toList(),
          "one return per configured council and year, and no other");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(Files.isRegularFile(work.resolve("truth/outcomes_S12000048.csv")));
  }

  @Test
  void sqlAnswersFromTheLakeAsATableAndAsCsv() throws IOException {
    String lake = work.resolve("lake").toString();
    long lines = Files.readAllLines(work.resolve("returns/S12000023_2023/children.csv")).size() - 1;
    Result csv = pace("sql", "--config", config.toString(), "--lake", lake, "--format", "csv",
        "SELECT _return_key, count(*) AS n FROM bronze_children GROUP BY 1 ORDER BY 1");
    assertEquals(0, csv.exitCode(), csv.err());
    assertTrue(csv.out().startsWith("_return_key,n\n"), csv.out());
    assertTrue(csv.out().contains("\nS12000023_2023," + lines + "\n"), csv.out());

    Result table = pace("sql", "--config", config.toString(), "--lake", lake,
        "SELECT count(DISTINCT _return_key) AS returns FROM bronze_episodes");
    assertEquals(0, table.exitCode(), table.err());
    assertEquals("returns\n-------\n27\n(1 row)\n", table.out());
    assertTrue(!table.err().contains("only the first"), "a whole result says nothing of a limit: " + table.err());

    Result cut = pace("sql", "--config", config.toString(), "--lake", lake, "--limit", "2",
        "SELECT _return_key, 1 / 3 AS third FROM bronze_children GROUP BY 1 ORDER BY 1");
    assertEquals(0, cut.exitCode(), cut.err());
    assertTrue(cut.out().endsWith("| 0.333333\n(2 rows)\n"), "doubles as a person reads them: " + cut.out());
    assertTrue(cut.err().contains("only the first 2 rows are shown: the result has more"), cut.err());
    Result digits = pace("sql", "--config", config.toString(), "--lake", lake, "--format", "csv", "--limit", "1",
        "SELECT 1 / 3 AS third FROM bronze_children");
    assertEquals("third\n0.3333333333333333\n", digits.out(), "CSV keeps every digit");
  }

  @Test
  void withoutAQuerySqlAnswersEachQueryFromStandardInputOnOneSession() {
    java.io.InputStream in = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(("SELECT count(*) AS children FROM bronze_children WHERE 1 = 0;\n"
          + "SELECT * FROM bronze_kids;\nSELECT 2 AS two\n;\nquit\nSELECT 3;\n").getBytes(StandardCharsets.UTF_8)));
      Result session = pace("sql", "--config", config.toString(), "--lake", work.resolve("lake").toString(), "--format",
          "csv");
      assertEquals(1, session.exitCode(), "one query of three was wrong: " + session.err());
      assertEquals("children\n0\ntwo\n2\n", session.out(), "each answered in turn; nothing after quit");
      assertTrue(session.err().contains("bronze_kids"), session.err());
    } finally {
      System.setIn(in);
    }
  }

  @Test
  void sqlRefusesToChangeTheLakeOrToPrintTheKey() {
    String lake = work.resolve("lake").toString();
    Result delete = pace("sql", "--config", config.toString(), "--lake", lake, "DELETE FROM bronze_children");
    assertEquals(2, delete.exitCode(), delete.out() + delete.err());
    assertTrue(delete.err().contains("pace sql only reads the lake"), delete.err());
    Result key = pace("sql", "--config", config.toString(), "--lake", lake,
        "SELECT reflect('java.lang.System', 'getenv', 'PACE_PSEUDONYM_KEY') AS key");
    assertEquals(2, key.exitCode(), key.out() + key.err());
    Result count = pace("sql", "--config", config.toString(), "--lake", lake, "--format", "csv",
        "SELECT count(*) AS n FROM bronze_children");
    assertEquals(0, count.exitCode(), count.err());
    assertTrue(!count.out().equals("n\n0\n"), "the rows are all still there: " + count.out());
  }

  @Test
  void maintainChangesTheLakeOnlyWithAReasonAndSignsAndRecordsTheChange() throws IOException {
    Path lake = dir.resolve("lake");
    scot.pace.files.Folders.copy(work.resolve("lake"), lake);
    String orkney = "DELETE FROM gold_aim1 WHERE council = 'S12000023'";
    Result noReason = pace("maintain", "--config", config.toString(), "--lake", lake.toString(), orkney);
    assertEquals(2, noReason.exitCode(), noReason.out() + noReason.err());
    assertTrue(noReason.err().contains("--reason"), noReason.err());
    Result query = pace("maintain", "--config", config.toString(), "--lake", lake.toString(), "--reason", "a look",
        "SELECT count(*) FROM gold_aim1");
    assertEquals(2, query.exitCode(), query.out() + query.err());
    assertTrue(query.err().contains("use pace sql"), query.err());
    Result key = pace("maintain", "--config", config.toString(), "--lake", lake.toString(), "--reason", "a look",
        "UPDATE gold_aim1 SET council = reflect('java.lang.System', 'getenv', 'PACE_PSEUDONYM_KEY')");
    assertEquals(2, key.exitCode(), key.out() + key.err());
    Map<String, Long> before = scot.pace.lake.RunLog.tableVersions(scot.pace.lake.Lake.at(lake));

    Result changed = pace("maintain", "--config", config.toString(), "--lake", lake.toString(), "--reason",
        "Orkney's aim 1 rows withdrawn for a check", orkney);
    assertEquals(0, changed.exitCode(), changed.out() + changed.err());
    assertTrue(changed.out().contains("1 table(s) committed: gold_aim1 to version " + (before.get("gold_aim1") + 1)),
        changed.out());
    Map<String, Long> after = scot.pace.lake.RunLog.tableVersions(scot.pace.lake.Lake.at(lake));
    after.forEach((table, version) -> {
      if (!table.equals("gold_aim1") && !table.equals("run_log")) {
        assertEquals(before.get(table), version, table + ": only the table named was changed");
      }
    });
    String commit = Files.readString(lake.resolve("gold_aim1/_delta_log")
        .resolve(String.format("%020d.json", after.get("gold_aim1"))));
    assertTrue(commit.contains("\"userMetadata\":\"pace maintain ") && commit.contains(": Orkney's aim 1 rows withdrawn"
        + " for a check\""), commit);
    Result left = pace("sql", "--config", config.toString(), "--lake", lake.toString(), "--format", "csv",
        "SELECT count(*) AS n FROM gold_aim1 WHERE council = 'S12000023'");
    assertEquals("n\n0\n", left.out(), left.err());
    Result logged = pace("sql", "--config", config.toString(), "--lake", lake.toString(), "--format", "csv",
        "SELECT command, element_at(arguments, 1) AS statement, element_at(warnings, 1) AS why FROM run_log"
            + " WHERE command = 'pace maintain'");
    assertEquals("command,statement,why\npace maintain," + orkney + ",changed by hand: Orkney's aim 1 rows withdrawn"
        + " for a check\n", logged.out(), logged.err());
  }

  @Test
  void aWrongQueryIsAnInputErrorThatNamesTheTables() {
    Result bad = pace("sql", "--config", config.toString(), "--lake", work.resolve("lake").toString(),
        "SELECT * FROM bronze_kids");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("bronze_kids"), bad.err());
    assertTrue(bad.err().contains("tables: bronze_children, bronze_episodes"), bad.err());
  }

  @Test
  void nightlyOverAnUnchangedFolderLoadsNothing() throws IOException {
    Path work = dir.resolve("work");
    shared.copy(work);
    Result again = pace("demo", "--config", config.toString(), "--workdir", work.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("not generating"), again.out());
    assertTrue(again.out().contains("0 returns loaded (0 rows), 27 unchanged, 0 rejected"), again.out());
    assertTrue(again.out().contains("build and charts skipped"), again.out());
    assertTrue(!again.out().contains("build silver and gold done"), again.out());

    Result log = pace("sql", "--config", config.toString(), "--lake", work.resolve("lake").toString(), "--format", "csv",
        "SELECT command, status, exit_code, size(stages) > 0 AS staged, table_versions['gold_aim2'] IS NOT NULL AS versions,"
            + " size(inputs) AS inputs FROM run_log ORDER BY started_at");
    assertEquals(0, log.exitCode(), log.err());
    String[] runs = log.out().split("\n");
    assertTrue(runs.length >= 3, log.out());
    assertTrue(runs[1].startsWith("pace demo,SUCCESS,0,true,true,"), runs[1]);
    assertTrue(Integer.parseInt(runs[1].substring(runs[1].lastIndexOf(',') + 1)) >= 135,
        "the first run read every file of the 27 returns: " + runs[1]);
    assertEquals("pace demo,SUCCESS,0,true,true,0", runs[runs.length - 1], "a run with nothing new read nothing");
    Result figures = pace("sql", "--config", config.toString(), "--lake", work.resolve("lake").toString(), "--format",
        "csv", "SELECT CAST(figures['ingest.returns_loaded'] AS INT) AS loaded, CAST(figures['ingest.returns_unchanged']"
            + " AS INT) AS unchanged, figures['ingest.rows_loaded'] > 10000 AS rows, figures['build.tables'] > 20 AS built,"
            + " figures['charts.files'] > 100 AS drawn FROM run_log ORDER BY started_at");
    String[] numbers = figures.out().split("\n");
    assertEquals("27,0,true,true,true", numbers[1], "what the first run did, as numbers: " + figures.out() + figures.err());
    assertEquals("0,27,false,,", numbers[numbers.length - 1], "nothing new: nothing loaded, built or drawn");
    Result given = pace("sql", "--config", config.toString(), "--lake", work.resolve("lake").toString(), "--format", "csv",
        "SELECT concat_ws(' ', arguments) AS arguments FROM run_log ORDER BY started_at DESC LIMIT 1");
    assertEquals("arguments\n--config " + config.toAbsolutePath().normalize() + " --workdir " + work.toAbsolutePath().normalize()
        + "\n", given.out(), "the run log says how the run was started, to run it again");
    try (var summaries = Files.list(work.resolve("out/runs"))) {
      assertTrue(summaries.filter(p -> p.toString().endsWith(".json")).count() >= 2);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(again.out().contains("export notebooks and extracts done"), again.out());
    Result third = pace("demo", "--config", config.toString(), "--workdir", work.toString());
    assertEquals(0, third.exitCode(), third.err());
    assertTrue(third.out().contains("whose files were reused"), third.out());
    assertTrue(!third.out().contains("start Spark"), "a run with nothing new starts no Spark: " + third.out());
    try (var exports = Files.list(work.resolve("out/exports"))) {
      List<Path> runs2 = exports.sorted().toList();
      Path before = runs2.get(runs2.size() - 2);
      Path now = runs2.get(runs2.size() - 1);
      java.util.Map<String, String> earlier = ExportIT.checksums(before);
      java.util.Map<String, String> latest = ExportIT.checksums(now);
      assertEquals(earlier.keySet(), latest.keySet(), "a night with nothing new exports the same files");
      for (String file : earlier.keySet()) {
        boolean namesTheRun = file.endsWith("notebook.ipynb") || file.endsWith("manifest.json");
        assertEquals(!namesTheRun, earlier.get(file).equals(latest.get(file)), file);
      }
      assertTrue(Files.readString(now.resolve("published/notebook.ipynb")).contains(now.getFileName().toString()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSecondRunWhileOneHoldsTheLockStopsAtOnceWithItsOwnExitCode() throws IOException {
    shared.copy(dir.resolve("work"));
    Path out = dir.resolve("work/out");
    // This test's own JVM is alive: a lock naming it is held.
    Files.writeString(out.resolve(RunLock.FILE), ProcessHandle.current().pid() + " " + RunLock.thisHost()
        + " 20260101T000000Z-held 2026-01-01T00:00:00Z\n");
    try {
      Result second = pace("demo", "--config", config.toString(), "--workdir", dir.resolve("work").toString());
      assertEquals(4, second.exitCode(), second.out() + second.err());
      assertTrue(second.out().contains("another nightly run holds the lock"), second.out());
      assertTrue(!second.out().contains("ingest ..."), "it did no work");
    } finally {
      Files.deleteIfExists(out.resolve(RunLock.FILE));
    }
  }

  @Test
  void buildWithoutAPseudonymisationKeyRefusesAndSaysHowToSetOne() {
    Result refused = pace("build", "--config", config.toString(), "--lake", work.resolve("lake").toString());
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("no pseudonymisation key"), refused.err());
    assertTrue(refused.err().contains("export PACE_PSEUDONYM_KEY=$(openssl rand -hex 32)"), refused.err());
  }

  @Test
  void aNightWithAnotherKeyThanTheLakesIsRefusedBeforeAnythingIsLoaded() throws IOException {
    shared.copySendingAgain(dir.resolve("work"), List.of("S12000023_2024"));
    Path keyFile = dir.resolve("pseudonym.key");
    Files.writeString(keyFile, "a-real-key-that-is-not-the-demo-key\n");
    Path withKey = SmallConfig.write(dir.resolve("with-key.yaml"), "local[2]", ThreeCouncilDemo.FIRST_YEAR,
        ThreeCouncilDemo.COUNCILS, "paths:", "  returns: " + dir.resolve("work/returns"),
        "  lake: " + dir.resolve("work/lake"), "  out: " + dir.resolve("work/out"), "pseudonymisation:",
        "  keyFile: " + keyFile);
    scot.pace.lake.Lake lake = scot.pace.lake.Lake.at(dir.resolve("work/lake"));
    Map<String, java.util.Optional<Long>> before = new java.util.TreeMap<>();
    lake.localTableNames().forEach(t -> before.put(t, lake.latestVersion(t)));

    Result refused = pace("nightly", "--config", withKey.toString());
    assertEquals(2, refused.exitCode(), refused.out() + refused.err());
    assertTrue(refused.err().contains("is not the one this lake's child keys were made with"), refused.err());
    assertTrue(refused.err().contains("delete that file and build again"), refused.err());
    Map<String, java.util.Optional<Long>> after = new java.util.TreeMap<>();
    lake.localTableNames().forEach(t -> after.put(t, lake.latestVersion(t)));
    after.remove("run_log");
    before.remove("run_log");
    assertEquals(before, after, "the re-sent return was not loaded, nothing was built");
  }

  @Test
  void theIngestAndBuildSayEachStepAsItEndsAndSparksConsoleNoiseStaysOff() {
    List<String> lines = demo.out().lines().toList();
    int ingestStarts = indexOf(lines, "] ingest ...");
    int ingestDone = indexOf(lines, "] ingest done in");
    List<String> ingestSteps = lines.subList(ingestStarts + 1, ingestDone);
    assertTrue(ingestSteps.stream().anyMatch(l -> l.matches("\\[ *[0-9.]+s\\]   27 returns to read .*")), ingestSteps.toString());
    assertTrue(ingestSteps.stream().anyMatch(l -> l.endsWith("read children.csv of 27 returns")), ingestSteps.toString());
    assertTrue(ingestSteps.stream().anyMatch(l -> l.matches(".*   checked [0-9,]+ rows against the rules: [0-9,]+ set aside in quarantine")),
        ingestSteps.toString());
    for (String table : LakeBuild.bronzeTables()) {
      assertTrue(ingestSteps.stream().anyMatch(l -> l.contains("   wrote " + table + ": ") && l.endsWith(" rows of 27 returns")),
          table + " in " + ingestSteps);
    }
    int buildStarts = indexOf(lines, "] build silver and gold ...");
    int buildDone = indexOf(lines, "] build silver and gold done in");
    List<String> buildSteps = lines.subList(buildStarts + 1, buildDone);
    for (Output output : OutputCatalogue.built()) {
      assertEquals(1, buildSteps.stream().filter(l -> l.matches("\\[ *[0-9.]+s\\]   " + output.table() + " +[0-9,]+ rows +[0-9.]+ s")).count(),
          output.table() + " said once as it is committed, before the stage ends: " + buildSteps);
    }
    assertTrue(!demo.err().contains("TaskSetManager"), demo.err());
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    throw new AssertionError("no line with '" + part + "' in " + lines);
  }

  @Test
  void demoBuildsTheGoldMeasures() {
    assertTrue(demo.out().contains("build silver and gold done in"), demo.out());
    assertTrue(demo.out().contains("child keys use the public demo key"), demo.out());
    Result gold = pace("sql", "--config", config.toString(), "--lake", work.resolve("lake").toString(),
        "--format", "csv", "SELECT count(*) FROM gold_time_to_permanence WHERE council = 'S92000003'"
            + " AND age_band = 'all' AND population = 'looked_after'");
    assertEquals("count(1)\n9\n", gold.out(), "one row per cohort year 2016-2024");
  }

  @Test
  void validateChecksOneReturnWithoutALakeAndExitsByWhatItFound() throws IOException {
    Path clean = work.resolve("returns/S12000023_2023");
    Result ok = pace("validate", "--config", config.toString(), clean.toString(), "--report",
        dir.resolve("report-clean").toString());
    assertEquals(0, ok.exitCode(), ok.out() + ok.err());
    assertTrue(ok.out().contains("0 errors (rows set aside)"), ok.out());
    assertTrue(Files.readString(dir.resolve("report-clean/report.html")).contains("Return check: S12000023_2023"));

    Path broken = dir.resolve("S12000023_2023");
    Files.createDirectories(broken);
    for (String file : new String[] {"children.csv", "episodes.csv", "placements.csv", "legal_reasons.csv",
        "permanence.csv"}) {
      Files.copy(clean.resolve(file), broken.resolve(file));
    }
    java.util.List<String> placements = new java.util.ArrayList<>(Files.readAllLines(broken.resolve("placements.csv")));
    placements.set(1, placements.get(1).replaceAll(",[A-Z_]+$", ",TENT"));
    // As councils' systems write them: a child id in lower case with a space after it, an unquoted
    // comma in a value, a dob written dd/mm/yyyy.
    String[] spaced = placements.get(2).split(",", -1);
    String childId = spaced[2];
    spaced[2] = childId.toLowerCase(java.util.Locale.ROOT) + " ";
    placements.set(2, String.join(",", spaced));
    String code = placements.get(3).substring(placements.get(3).lastIndexOf(',') + 1);
    placements.set(3, placements.get(3).substring(0, placements.get(3).lastIndexOf(',') + 1)
        + code.toLowerCase(java.util.Locale.ROOT));
    Files.write(broken.resolve("placements.csv"), placements);
    java.util.List<String> episodes = new java.util.ArrayList<>(Files.readAllLines(broken.resolve("episodes.csv")));
    episodes.set(1, episodes.get(1) + ", LA");
    Files.write(broken.resolve("episodes.csv"), episodes);
    java.util.List<String> children = new java.util.ArrayList<>(Files.readAllLines(broken.resolve("children.csv")));
    String[] dated = children.get(1).split(",", -1);
    String dob = dated[4];
    dated[4] = dob.substring(8, 10) + "/" + dob.substring(5, 7) + "/" + dob.substring(0, 4);
    children.set(1, String.join(",", dated));
    children.set(0, "LA_Code, Collection_Year ," + children.get(0).substring(children.get(0).indexOf("child_id"))
        .toUpperCase(java.util.Locale.ROOT));
    Files.write(broken.resolve("children.csv"), children);
    Result errors = pace("validate", "--config", config.toString(), broken.toString(), "--report",
        dir.resolve("report-broken").toString());
    assertEquals(1, errors.exitCode(), errors.out() + errors.err());
    assertTrue(errors.out().contains("placements.csv row 2: placement_type \"TENT\" is not in the code list"), errors.out());
    String findings = Files.readString(dir.resolve("report-broken/findings.csv"));
    assertTrue(findings.startsWith("file,row,rule_id,severity,period,child_id,episode_id,fields,set_aside_by,message,raw_row\n"), findings);
    assertTrue(findings.lines().anyMatch(line -> line.startsWith("placements.csv,") && line.contains(",PL-23,ERROR,")
        && line.contains("episodes.csv row 2 (EP-21)")), "a placement set aside with its episode names the episode's"
        + " error: " + findings);
    assertTrue(errors.out().matches("(?s).*\\d+ of the \\d+ errors are rows set aside only because their episode or"
        + " child was: they go when the \\d+ errors? that set them aside.*"), errors.out());
    String tent = placements.get(1).split(",", -1)[2] + "," + placements.get(1).split(",", -1)[3];
    assertTrue(findings.matches("(?s).*\nplacements\\.csv,2,PL-09,ERROR,(this year|history)," + tent + ",placement_type,.*"),
        "the child, episode and field of a finding: " + findings);
    assertTrue(errors.out().contains("placements.csv row 3: read without the spaces around and in capitals: child_id \""
        + childId.toLowerCase(java.util.Locale.ROOT) + "\u2420\" as \"" + childId + "\""), errors.out());
    assertTrue(errors.out().contains("episodes.csv row 2: the row has 8 fields and the header 7"), errors.out());
    assertTrue(errors.out().contains("placements.csv row 4: read without the spaces around and in capitals: placement_type \""
        + code.toLowerCase(java.util.Locale.ROOT) + "\" as \"" + code + "\""), errors.out());
    assertTrue(!errors.out().contains("placements.csv row 4: placement_type"), "a lower-case code is the code: " + errors.out());
    assertTrue(errors.out().contains("children.csv row 2: dob \"" + dated[4] + "\" is not a date (expected YYYY-MM-DD)"),
        errors.out());

    // Refused before Spark starts: a file that is a link out of the return, a file separated by semicolons.
    Files.move(broken.resolve("permanence.csv"), dir.resolve("permanence-elsewhere.csv"));
    Files.createSymbolicLink(broken.resolve("permanence.csv"), dir.resolve("permanence-elsewhere.csv"));
    Result linked = pace("validate", "--config", config.toString(), broken.toString(), "--report",
        dir.resolve("report-linked").toString());
    assertEquals(2, linked.exitCode(), linked.out() + linked.err());
    assertTrue(linked.out().contains("permanence.csv: is a symbolic link to " + dir.resolve("permanence-elsewhere.csv")),
        linked.out());
    Files.delete(broken.resolve("permanence.csv"));
    Files.writeString(broken.resolve("permanence.csv"),
        Files.readString(dir.resolve("permanence-elsewhere.csv")).replace(',', ';'));
    Result semicolons = pace("validate", "--config", config.toString(), broken.toString(), "--report",
        dir.resolve("report-semicolons").toString());
    assertEquals(2, semicolons.exitCode(), semicolons.out() + semicolons.err());
    assertTrue(semicolons.out().contains("permanence.csv: is separated by semicolons, not commas"), semicolons.out());
    Files.write(broken.resolve("permanence.csv"), ("\uFEFF" + Files.readString(dir.resolve("permanence-elsewhere.csv")))
        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    Result utf16 = pace("validate", "--config", config.toString(), broken.toString(), "--report",
        dir.resolve("report-utf16").toString());
    assertEquals(2, utf16.exitCode(), utf16.out() + utf16.err());
    assertTrue(utf16.out().contains("permanence.csv: is saved as UTF-16 (two bytes to a character): save it as UTF-8"),
        utf16.out());

    Files.delete(broken.resolve("episodes.csv"));
    Result unreadable = pace("validate", "--config", config.toString(), broken.toString(), "--report",
        dir.resolve("report-unreadable").toString());
    assertEquals(2, unreadable.exitCode(), unreadable.out() + unreadable.err());
    assertTrue(unreadable.out().contains("episodes.csv is missing"), unreadable.out());
  }

  @Test
  void replicateScraPrintsAndStoresTheHeadlineTable() throws IOException {
    Path copy = shared.copy(dir.resolve("work"));
    String lake = dir.resolve("work/lake").toString();
    Result scra = pace("replicate-scra", "--config", copy.toString(), "--lake", lake, "--cohorts", "2022-2023",
        "--follow-up", "1y");
    assertEquals(0, scra.exitCode(), scra.out() + scra.err());
    assertTrue(scra.out().contains("share reaching legal permanence within 2 years"), scra.out());
    assertTrue(scra.out().contains("Stored in gold_scra_replication with run_id"), scra.out());
    Result stored = pace("sql", "--config", copy.toString(), "--lake", lake, "--format", "csv",
        "SELECT count(*) FROM gold_scra_replication");
    assertEquals("count(1)\n5\n", stored.out());
    Result bad = pace("replicate-scra", "--config", copy.toString(), "--lake", lake, "--cohorts", "2022",
        "--follow-up", "four years");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--follow-up four years is not a number of years (4y) or days (1461d)"), bad.err());
  }

  @Test
  void helpListsTheCommandsAndEveryCommandTakesHelp() {
    Result help = pace("help");
    assertEquals(0, help.exitCode(), help.err());
    for (String command : List.of("demo", "nightly", "ingest", "build", "charts", "export", "validate", "sql")) {
      assertTrue(help.out().contains("\n  " + command + " "), command + " in: " + help.out());
    }
    Result demoHelp = pace("help", "demo");
    assertEquals(0, demoHelp.exitCode(), demoHelp.err());
    assertTrue(demoHelp.out().startsWith("Usage: pace demo") && demoHelp.out().contains("--workdir"), demoHelp.out());
    Result option = pace("demo", "--help");
    assertEquals(0, option.exitCode(), option.err());
    assertEquals(demoHelp.out(), option.out(), "pace demo --help and pace help demo say the same");
    Result version = pace("validate", "--version");
    assertEquals(0, version.exitCode(), version.err());
    assertTrue(version.out().startsWith("pace "), version.out());
  }

  @Test
  void aMissingReturnsFolderIsAnInputError() {
    Result missing = pace("ingest", "--config", config.toString(), "--returns", dir.resolve("nowhere").toString(),
        "--lake", dir.resolve("lake2").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("returns folder " + dir.resolve("nowhere") + " does not exist"), missing.err());
  }

  static synchronized Result pace(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int code = Pace.run(args);
      return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
