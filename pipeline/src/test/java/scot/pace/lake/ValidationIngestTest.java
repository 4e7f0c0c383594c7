package scot.pace.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.TestCouncils;
import scot.pace.generate.SyntheticReturns;
import scot.pace.rules.Validation;

/**
 * Validation inside ingest, with real Spark and Delta: returns salted with every injectable kind
 * of error put exactly the salted rows in quarantine with the right rules; counts reconcile; files
 * with byte-order marks, CRLF, quoted commas and newlines, reordered and unknown columns, Latin-1
 * bytes, a 100,000-character field and a truncated last line give rows in quarantine, not crashes;
 * an empty file rejects its return; a council's own codes and dates are read as declared; a bad
 * re-submission is held back.
 *
 * <p>One ingest, as one night meets them: Dundee's salted returns, Orkney's awkward ones and
 * Fife's return in its own codes and dates, side by side; each test asserts on its council's part.
 * The re-submission is ingested into a copy of that lake.
 */
class ValidationIngestTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static Path returns;
  static Lake lake;
  static IngestReport report;
  /** The awkward return's files as written, and what the rules must find in them. */
  static Awkward awkward;
  /** Fife's placements recoded to its own FOSTER, and its episode lines with dd/mm/yyyy dates. */
  static long fifeOwnCodes;
  static List<String> fifeEpisodeLines;

  record Awkward(List<String> children, List<String> legal, List<String> episodes, int ragged, String childId,
      Set<String> expected) {}

  @BeforeAll
  static void ingestOneNight() throws IOException {
    spark = scot.pace.SharedSpark.session();
    returns = dir.resolve("returns");
    new SyntheticReturns(TestCouncils.parameters(), TestCouncils.three(), 0.01)
        .write(returns, dir.resolve("salted-truth"), List.of(TestCouncils.DUNDEE), 2022, 2024);
    new SyntheticReturns(TestCouncils.parameters(), TestCouncils.three())
        .write(returns, dir.resolve("truth"), List.of(TestCouncils.ORKNEY), 2023, 2024);
    new SyntheticReturns(TestCouncils.parameters(), TestCouncils.three())
        .write(returns, dir.resolve("truth"), List.of(TestCouncils.FIFE), 2024, 2024);
    awkward = makeAwkward(returns);
    writeFifeInItsOwnCodesAndDates(returns);
    lake = Lake.at(dir.resolve("lake"));
    report = ingest(returns, lake, "night-1");
  }

  /** Fife's code and dates are declared; Orkney's FOSTER and dd/mm/yyyy are not, and are errors there. */
  static IngestReport ingest(Path returns, Lake lake, String runId) {
    return new ReturnIngest(() -> spark, lake, TestCouncils.three(), dir.resolve("staging"), 0.05,
        List.of(new scot.pace.rules.CodeMapping("S12000047", 2020, 2024, "placement_type", "FOSTER", "FOS_LA")),
        List.of(new scot.pace.rules.DateFormat("S12000047", 2024, 2024, "dd/mm/yyyy")))
        .ingest(returns, runId, Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void theNightLoadsEveryReadableReturnAndRejectsTheEmptyOne() {
    assertEquals(List.of("S12000023_2024", "S12000042_2022", "S12000042_2023", "S12000042_2024", "S12000047_2024"),
        report.loaded().stream().sorted().toList(), "first submissions load, errors set aside");
    assertEquals(1, report.rejected().size());
    for (Row row : lake.read(spark, QualityTables.QUALITY).collectAsList()) {
      assertEquals((long) row.<Long>getAs("rows_read"), row.<Long>getAs("rows_accepted") + row.<Long>getAs("rows_quarantined"),
          row.toString());
    }
  }

  @Test
  void saltedReturnsPutExactlyTheInjectedRowsInQuarantineAndCountsReconcile() throws IOException {
    Set<String> injected = new HashSet<>();
    Set<String> injectedRules = new HashSet<>();
    List<String> lines = Files.readAllLines(dir.resolve("salted-truth/injected_S12000042.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      injected.add(f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3]);
      injectedRules.add(f[3]);
    }
    assertTrue(injected.size() > 100, "about 1% of some 25,000 rows: " + injected.size());
    assertTrue(injectedRules.size() >= 15, "many kinds of error: " + injectedRules);

    Set<String> quarantined = new HashSet<>();
    Set<String> setAsideWith = new HashSet<>();
    Set<String> followers = new HashSet<>();
    scot.pace.rules.RuleCatalogue.all().stream().filter(Validation::followsASetAside).forEach(r -> followers.add(r.id()));
    for (Row row : lake.read(spark, Validation.QUARANTINE).where("severity = 'ERROR' AND _council = 'S12000042'")
        .select("_return_key", "file", "_row_number", "rule_id").collectAsList()) {
      String key = row.getString(0) + "|" + row.getString(1) + "|" + row.getLong(2);
      (followers.contains(row.getString(3)) ? setAsideWith : quarantined).add(key + "|" + row.getString(3));
    }
    assertEquals(injected, quarantined);
    assertEquals(takenWith(injected), setAsideWith, "the rows of the children and episodes set aside go with them");
    assertTrue(setAsideWith.size() > 10, setAsideWith.toString());

    List<Row> quality = lake.read(spark, QualityTables.QUALITY).where("council = 'S12000042'").collectAsList();
    assertEquals(15, quality.size(), "a row per file of each of the three returns");
    for (Row row : quality) {
      long read = row.getAs("rows_read");
      long accepted = row.getAs("rows_accepted");
      long set = row.getAs("rows_quarantined");
      assertEquals(read, accepted + set, row.toString());
      Path csv = returns.resolve(row.<String>getAs("return_key")).resolve(row.<String>getAs("file"));
      assertEquals(Files.readAllLines(csv).size() - 1, read, csv.toString());
    }

    // A re-submission whose every episode row is broken (over 5% of its rows) is held back; the
    // first submission stays in force. On a copy of the night's returns and lake.
    Path again = dir.resolve("again");
    scot.pace.files.Folders.copy(returns, again.resolve("returns"));
    scot.pace.files.Folders.copy(dir.resolve("lake"), again.resolve("lake"));
    Lake copy = Lake.at(again.resolve("lake"));
    Path episodes = again.resolve("returns/S12000042_2023/episodes.csv");
    List<String> rows = new ArrayList<>(Files.readAllLines(episodes));
    for (int i = 1; i < rows.size(); i++) {
      rows.set(i, rows.get(i).replaceFirst("^S12000042,", "S12000999,"));
    }
    Files.write(episodes, rows);
    long before = copy.read(spark, "bronze_episodes").where("_return_key = 'S12000042_2023'").count();
    IngestReport resubmitted = ingest(again.resolve("returns"), copy, "night-2");
    assertEquals(List.of(), resubmitted.loaded());
    assertEquals(1, resubmitted.heldBack().size());
    assertTrue(resubmitted.heldBack().get(0).reason().contains("the earlier submission stays in force"),
        resubmitted.heldBack().get(0).reason());
    assertTrue(resubmitted.needsAttention());
    assertEquals(before, copy.read(spark, "bronze_episodes")
        .where("_return_key = 'S12000042_2023' AND _run_id = 'night-1'").count());
    assertEquals(1, copy.read(spark, IngestManifest.TABLE).where("status = 'HELD_BACK'")
        .select("return_key").distinct().count());
  }

  /**
   * Orkney's returns made awkward: the 2024 one in every way a council's files go wrong and are
   * still read, the 2023 one with an empty episodes.csv.
   */
  static Awkward makeAwkward(Path returns) throws IOException {
    Path folder = returns.resolve("S12000023_2024");

    // children.csv: BOM, CRLF, dob moved to the end, an unknown column with a quoted comma and
    // newline, and Latin-1 bytes in one child's scn.
    List<String> children = Files.readAllLines(folder.resolve("children.csv"));
    StringBuilder text = new StringBuilder("\uFEFFla_code,collection_year,child_id,scn,sex,ethnicity,disability,notes,dob\r\n");
    for (int i = 1; i < children.size(); i++) {
      String[] f = children.get(i).split(",", -1);
      String notes = i == 1 ? "\"moved, then\nmoved back\"" : "";
      String scn = i == 2 ? "SCN_LATIN1" : f[3];
      text.append(String.join(",", f[0], f[1], f[2], scn, f[5], f[6], f[7], notes, f[4])).append("\r\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(folder.resolve("children.csv"), replace(bytes, "SCN_LATIN1".getBytes(StandardCharsets.UTF_8), latin1));

    // children.csv: a dob written dd/mm/yyyy, with no date format declared for the council: not a date.
    List<String> rewritten = new ArrayList<>(Files.readAllLines(folder.resolve("children.csv"), StandardCharsets.ISO_8859_1));
    String[] dated = rewritten.get(4).split(",", -1);
    String dob = dated[8].trim();
    dated[8] = dob.substring(8, 10) + "/" + dob.substring(5, 7) + "/" + dob.substring(0, 4);
    rewritten.set(4, String.join(",", dated));
    Files.write(folder.resolve("children.csv"), (String.join("\r\n", rewritten) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));

    // placements.csv: a 100,000-character value, and the council's own code FOSTER for FOS_LA, unknown
    // without a mapping (Fife's, mapped, is read as FOS_LA); legal_reasons.csv: the last line cut short.
    List<String> placements = new ArrayList<>(Files.readAllLines(folder.resolve("placements.csv")));
    placements.set(1, placements.get(1).substring(0, placements.get(1).lastIndexOf(',') + 1) + "y".repeat(100_000));
    Set<String> expected = new HashSet<>();
    for (int i = 2; i < placements.size(); i++) {
      if (placements.get(i).endsWith(",FOS_LA")) {
        placements.set(i, placements.get(i).replaceAll(",FOS_LA$", ",FOSTER"));
        expected.add("placements.csv|" + (i + 1) + "|PL-09");
      }
    }
    assertTrue(expected.size() > 0, "the return has foster placements to recode");
    List<String> legal = new ArrayList<>(Files.readAllLines(folder.resolve("legal_reasons.csv")));
    String last = legal.get(legal.size() - 1);
    legal.set(legal.size() - 1, last.substring(0, last.lastIndexOf(',')));
    Files.write(folder.resolve("legal_reasons.csv"), legal);
    // episodes.csv: "OTHER, LA" written without quotes, a field more than the header.
    List<String> episodes = new ArrayList<>(Files.readAllLines(folder.resolve("episodes.csv")));
    int ragged = 1;
    while (episodes.get(ragged).endsWith(",")) {
      ragged++;
    }
    episodes.set(ragged, episodes.get(ragged) + ", LA");
    Files.write(folder.resolve("episodes.csv"), episodes);
    // placements.csv: one child id written in lower case with a space after it, still the same child.
    String[] spaced = placements.get(3).split(",", -1);
    String childId = spaced[2];
    spaced[2] = childId.toLowerCase(java.util.Locale.ROOT) + " ";
    placements.set(3, String.join(",", spaced));
    Files.write(folder.resolve("placements.csv"), placements);
    // permanence.csv: the header alone.
    Files.writeString(folder.resolve("permanence.csv"), "la_code,collection_year,child_id,episode_id,milestone,milestone_date,route\n");
    // The 2023 return has an empty episodes.csv: rejected whole.
    Files.write(returns.resolve("S12000023_2023/episodes.csv"), new byte[0]);

    expected.addAll(Set.of("children.csv|3|CH-03", "placements.csv|2|PL-04", "placements.csv|2|PL-09",
        "legal_reasons.csv|" + legal.size() + "|LR-09", "episodes.csv|" + (ragged + 1) + "|EP-21",
        "children.csv|4|CH-06"));
    return new Awkward(children, legal, episodes, ragged, childId, expected);
  }

  @Test
  void awkwardFilesGiveRowsInQuarantineNotCrashes() {
    assertTrue(report.loaded().contains("S12000023_2024"), report.loaded().toString());
    assertTrue(!report.loaded().contains("S12000023_2023"), report.loaded().toString());
    assertEquals(1, report.rejected().size());
    assertTrue(report.rejected().get(0).message().endsWith(
        "episodes.csv: is empty: it needs at least a header row naming its columns"), report.rejected().get(0).message());
    assertTrue(report.rejected().get(0).message().contains("S12000023_2023"), report.rejected().get(0).message());
    assertTrue(report.warnings().stream().anyMatch(w -> w.endsWith("children.csv: columns the contract does not know"
        + " were ignored: notes")), report.warnings().toString());

    String orkney = "_return_key = 'S12000023_2024'";
    Set<String> errors = new HashSet<>();
    Set<String> setAsideWith = new HashSet<>();
    for (Row row : lake.read(spark, Validation.QUARANTINE).where("severity = 'ERROR' AND " + orkney)
        .select("file", "_row_number", "rule_id").collectAsList()) {
      String error = row.getString(0) + "|" + row.getLong(1) + "|" + row.getString(2);
      (row.getString(2).endsWith("-23") ? setAsideWith : errors).add(error);
    }
    assertEquals(awkward.expected(), errors);
    Set<String> own = new HashSet<>();
    errors.forEach(e -> own.add("S12000023_2024|" + e));
    Set<String> taken = new HashSet<>();
    takenWith(own).forEach(t -> taken.add(t.substring("S12000023_2024|".length())));
    assertEquals(taken, setAsideWith, "the rows of the two children and the episode set aside go with them");
    assertTrue(setAsideWith.stream().anyMatch(t -> t.startsWith("episodes.csv|")) && setAsideWith.stream()
        .anyMatch(t -> t.startsWith("placements.csv|")), setAsideWith.toString());
    Row tooMany = lake.read(spark, Validation.QUARANTINE).where("rule_id = 'EP-21' AND " + orkney).first();
    assertEquals("the row has 8 fields and the header 7: a value holding a comma needs double quotes around it"
        + " (\"OTHER, LA\"), or the row has a value too many", tooMany.getAs("message"));
    Row tooFew = lake.read(spark, Validation.QUARANTINE).where("rule_id = 'LR-22' AND " + orkney).first();
    assertEquals((long) awkward.legal().size(), (long) tooFew.<Long>getAs("_row_number"), "the line cut short is warned about");
    Row written = lake.read(spark, Validation.QUARANTINE).where("rule_id = 'PL-20' AND _row_number = 4 AND " + orkney).first();
    Row longOne = lake.read(spark, Validation.QUARANTINE).where("rule_id = 'PL-20' AND _row_number = 2 AND " + orkney).first();
    assertEquals("read without the spaces around and in capitals: placement_type \"" + "y".repeat(100) + "\u2026\" as \""
        + "Y".repeat(100) + "\u2026\"", longOne.getAs("message"), "a long value is shown cut short");
    String childId = awkward.childId();
    assertEquals("read without the spaces around and in capitals: child_id \""
        + childId.toLowerCase(java.util.Locale.ROOT) + "\u2420\" as \"" + childId + "\"", written.getAs("message"));
    assertTrue(written.<String>getAs("raw_row").contains("\"child_id\":\"" + childId.toLowerCase(java.util.Locale.ROOT)
        + " \""), "the quarantine keeps the row as it arrived: " + written);
    assertEquals(childId, lake.read(spark, "bronze_placements").where("_row_number = 4 AND " + orkney).first()
        .getAs("child_id"), "bronze holds the id as read: one child, whatever the case and spaces");
    assertEquals(awkward.episodes().size() - 1, lake.read(spark, QualityTables.QUALITY)
        .where("file = 'episodes.csv' AND return_key = 'S12000023_2024'").first().<Long>getAs("rows_read"),
        "the ragged row is read, and counted");

    Row first = lake.read(spark, "bronze_children").where("_row_number = 2 AND " + orkney).first();
    List<String> original = List.of(awkward.children().get(1).split(",", -1));
    assertEquals(original.get(4), first.getAs("dob"), "columns are read by name");
    assertEquals(original.get(7), first.getAs("disability"), "no carriage return left on the last column");
    assertEquals(awkward.children().size() - 1, lake.read(spark, "bronze_children").where(orkney).count(),
        "the quoted newline did not split a row");
    assertEquals(0, lake.read(spark, "bronze_permanence").where(orkney).count());
    assertTrue(report.warnings().stream().anyMatch(w -> w.endsWith("S12000023_2024/permanence.csv: has no rows, only its"
        + " header; right if the council had none to return, otherwise send the file again with its rows")),
        report.warnings().toString());
    Row empty = lake.read(spark, QualityTables.QUALITY).where("file = 'permanence.csv' AND return_key = 'S12000023_2024'")
        .first();
    assertEquals(List.of(0L, 0L, 0L), List.of(empty.<Long>getAs("rows_read"), empty.<Long>getAs("rows_accepted"),
        empty.<Long>getAs("rows_quarantined")), "an empty file has its quality row");
  }

  /** Fife's 2024 return written with the council's own FOSTER for FOS_LA and its episode starts as dd/mm/yyyy. */
  static void writeFifeInItsOwnCodesAndDates(Path returns) throws IOException {
    Path placements = returns.resolve("S12000047_2024/placements.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(placements));
    long own = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).endsWith(",FOS_LA")) {
        lines.set(i, lines.get(i).replaceAll(",FOS_LA$", ",FOSTER"));
        own++;
      }
    }
    Files.write(placements, lines);
    assertTrue(own > 0);
    fifeOwnCodes = own;

    // Without the declaration each such date breaks EP-06, as Orkney's dd/mm/yyyy dob breaks CH-06.
    Path episodes = returns.resolve("S12000047_2024/episodes.csv");
    List<String> episodeLines = new ArrayList<>(Files.readAllLines(episodes));
    for (int i = 1; i < episodeLines.size(); i++) {
      String[] f = episodeLines.get(i).split(",", -1);
      f[4] = f[4].substring(8, 10) + "/" + f[4].substring(5, 7) + "/" + f[4].substring(0, 4);
      episodeLines.set(i, String.join(",", f));
    }
    Files.write(episodes, episodeLines);
    fifeEpisodeLines = episodeLines;
  }

  @Test
  void aCouncilsOwnCodesAreTranslatedBeforeChecking() {
    String fife = "_return_key = 'S12000047_2024'";
    assertEquals(0, lake.read(spark, Validation.QUARANTINE).where("severity = 'ERROR' AND " + fife).count());
    assertEquals(fifeOwnCodes, lake.read(spark, "bronze_placements").where("placement_type = 'FOS_LA' AND " + fife).count());
    assertEquals(fifeEpisodeLines.size() - 1, lake.read(spark, "bronze_episodes")
        .where("episode_start RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND " + fife).count(), "every start read as a date");
    assertEquals(List.of("dates as dd/mm/yyyy; placement_type FOSTER as FOS_LA"),
        lake.read(spark, IngestManifest.TABLE).where("return_key = 'S12000047_2024'").select("read_with").distinct()
            .collectAsList().stream().map(r -> r.getString(0)).toList(), "the manifest records how the return was read");
    assertEquals(List.of(), lake.read(spark, IngestManifest.TABLE).where("return_key <> 'S12000047_2024'")
        .where("read_with IS NOT NULL").collectAsList(), "the other councils' returns are read as the contract says");
  }

  private static byte[] replace(byte[] data, byte[] from, byte[] to) {
    String marker = new String(from, StandardCharsets.ISO_8859_1);
    String all = new String(data, StandardCharsets.ISO_8859_1);
    return all.replace(marker, new String(to, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The rows that go with the children and episodes that {@code errors} ({@code return|file|row|rule})
   * set aside, worked out from bronze in the driver: a child whose every row in its return is in
   * error takes its episodes (EP-23); an episode whose every row is in error, its own or taken,
   * takes its placements, legal reasons and milestones (PL-23, LR-23, PM-23).
   */
  private static Set<String> takenWith(Set<String> errors) {
    Set<String> inError = new HashSet<>();
    errors.forEach(e -> inError.add(e.substring(0, e.lastIndexOf('|'))));
    String keys = errors.stream().map(e -> "'" + e.split("\\|")[0] + "'").distinct()
        .collect(java.util.stream.Collectors.joining(", "));
    java.util.Map<scot.pace.returns.ReturnFile, List<Row>> rows = new java.util.EnumMap<>(scot.pace.returns.ReturnFile.class);
    for (scot.pace.returns.ReturnFile file : scot.pace.returns.ReturnFile.values()) {
      rows.put(file, lake.read(spark, file.bronzeTable()).where("_return_key IN (" + keys + ")")
          .selectExpr("_return_key", "_row_number", "child_id",
              file == scot.pace.returns.ReturnFile.CHILDREN ? "NULL AS episode_id" : "episode_id")
          .collectAsList());
    }
    Set<String> taken = new HashSet<>();
    Set<String> childrenAside = everyRowIn(rows.get(scot.pace.returns.ReturnFile.CHILDREN), "children.csv", inError, false);
    for (Row row : rows.get(scot.pace.returns.ReturnFile.EPISODES)) {
      if (childrenAside.contains(row.getString(0) + "|" + row.getString(2))) {
        taken.add(row.getString(0) + "|episodes.csv|" + row.getLong(1) + "|EP-23");
        inError.add(row.getString(0) + "|episodes.csv|" + row.getLong(1));
      }
    }
    Set<String> episodesAside = everyRowIn(rows.get(scot.pace.returns.ReturnFile.EPISODES), "episodes.csv", inError, true);
    java.util.Map<scot.pace.returns.ReturnFile, String> rule = java.util.Map.of(scot.pace.returns.ReturnFile.PLACEMENTS,
        "PL-23", scot.pace.returns.ReturnFile.LEGAL_REASONS, "LR-23", scot.pace.returns.ReturnFile.PERMANENCE, "PM-23");
    rule.forEach((file, id) -> {
      for (Row row : rows.get(file)) {
        if (episodesAside.contains(row.getString(0) + "|" + row.getString(2) + "|" + row.getString(3))) {
          taken.add(row.getString(0) + "|" + file.fileName() + "|" + row.getLong(1) + "|" + id);
        }
      }
    });
    return taken;
  }

  /** The children (or episodes) all of whose rows are in error. */
  private static Set<String> everyRowIn(List<Row> rows, String file, Set<String> inError, boolean episodes) {
    java.util.Map<String, Boolean> all = new java.util.HashMap<>();
    for (Row row : rows) {
      if (row.isNullAt(2) || (episodes && row.isNullAt(3))) {
        continue;
      }
      String key = row.getString(0) + "|" + row.getString(2) + (episodes ? "|" + row.getString(3) : "");
      all.merge(key, inError.contains(row.getString(0) + "|" + file + "|" + row.getLong(1)), Boolean::logicalAnd);
    }
    Set<String> aside = new HashSet<>();
    all.forEach((key, broken) -> {
      if (broken) {
        aside.add(key);
      }
    });
    return aside;
  }
}
