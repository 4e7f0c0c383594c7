package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.pace.returns.Sha256;

/**
 * {@code pace export} as a researcher meets it: the three-council demo's nightly run exported
 * again to another folder (byte for byte the same as the run's own export), the notebook
 * converted to HTML by Jupyter's own nbconvert (Debian's {@code jupyter-nbconvert}; {@code .ci/run}
 * installs it) and validated against the nbformat schema, the extracts checked for small counts
 * and against their data dictionary, and a {@code replicate-scra} run exported and run again from
 * its replication pack.
 */
class ExportIT {
  static ThreeCouncilDemo demo;
  static String runId;
  static Path again;
  static PaceCliIT.Result first;

  @BeforeAll
  static void export() throws IOException {
    demo = ThreeCouncilDemo.get();
    assertEquals(0, demo.result.exitCode(), demo.result.err());
    try (Stream<Path> runs = Files.list(demo.out.resolve("runs"))) {
      runId = runs.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList().get(0);
    }
    again = demo.dir.resolve("again");
    first = PaceCliIT.pace("export", "--config", demo.work.toString(), "--run", runId,
        "--out", again.resolve("a").toString());
  }

  @Test
  void theSameRunExportedAgainGivesTheSameBytesAsTheRunsOwnExport() throws IOException {
    assertEquals(0, first.exitCode(), first.err());
    Map<String, String> own = checksums(demo.out.resolve("exports").resolve(runId));
    assertTrue(own.containsKey("published/notebook.ipynb"), own.keySet().toString());
    assertTrue(own.containsKey("published/extracts/data_dictionary.csv"), own.keySet().toString());
    assertTrue(own.containsKey("restricted/S12000023/notebook.ipynb"), own.keySet().toString());
    // Exported to another folder, the notebooks find the lake by another relative path: that line apart, the same bytes.
    assertEquals(withoutLakePath(demo.out.resolve("exports").resolve(runId)),
        withoutLakePath(again.resolve("a/exports").resolve(runId)));
    assertEquals(own.keySet(), checksums(again.resolve("a/exports").resolve(runId)).keySet());
  }

  /** As {@link #checksums}, a notebook's content taken without the line that finds the lake from its folder. */
  static Map<String, String> withoutLakePath(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), file.toString().endsWith(".ipynb")
            ? Sha256.of(Files.readString(file).replaceAll("\"LAKE = os\\.environ[^\n]*", "LAKE"))
            : Sha256.of(file));
      }
    }
    return files;
  }

  @Test
  void theNotebookIsValidAndNbconvertShowsItsTablesAndCharts() throws Exception {
    Path published = demo.out.resolve("exports").resolve(runId).resolve("published");
    String python = interpreterOf("jupyter-nbconvert");
    run(List.of(python, "-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
        published.resolve("notebook.ipynb").toString()));
    Path html = demo.dir.resolve("notebook-html");
    run(List.of("jupyter-nbconvert", "--to", "html", "--output-dir", html.toString(),
        published.resolve("notebook.ipynb").toString()));
    String page = Files.readString(html.resolve("notebook.html"));
    assertTrue(count(page, "<img[^>]+src=\"data:image/png;base64,") >= 15, "images in the HTML");
    assertTrue(count(page, "<table") >= 20, "tables in the HTML");
    assertTrue(page.contains(runId), "the manifest names the run");
    assertTrue(page.contains("gold_time_to_permanence"), "the definitions and versions are there");
    assertTrue(page.contains("versionAsOf"), "the PySpark cell reloads the tables at the run's versions");
    // Executed as a researcher runs it: its cells need only pandas, the extracts read as numbers, and
    // the PySpark cell finds the lake from the notebook's folder and, with no PySpark here, says so.
    Process probe = new ProcessBuilder(python, "-c", "import ipykernel, pandas").start();
    ExternalTool.require(probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0,
        "ipykernel and pandas for " + python, "apt-get install python3-ipykernel python3-pandas");
    Path executed = demo.dir.resolve("notebook-executed");
    run(List.of("jupyter-nbconvert", "--to", "notebook", "--execute", "--output-dir", executed.toString(),
        published.resolve("notebook.ipynb").toString()));
    String ran = Files.readString(executed.resolve("notebook.ipynb"));
    assertTrue(!ran.contains("\"output_type\": \"error\""), "no cell failed");
    assertTrue(ran.contains("Lake: " + demo.workDir.resolve("lake").toRealPath()), "the lake found from the notebook's folder");
    assertTrue(ran.contains("PySpark is not installed: pip install pyspark=="), "the PySpark cell is guarded");
    for (String council : List.of("S12000023", "S12000048", "S12000036")) {
      run(List.of(python, "-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
          demo.out.resolve("exports").resolve(runId).resolve("restricted").resolve(council).resolve("notebook.ipynb")
              .toString()));
    }
  }

  @Test
  void theExtractsHoldNoSmallCountAndTheDictionaryDefinesEveryColumn() throws IOException {
    Path extracts = demo.out.resolve("exports").resolve(runId).resolve("published/extracts");
    Map<String, String> types = new TreeMap<>();
    java.util.Set<String> mayBeWithheld = new java.util.HashSet<>();
    List<String> dictionary = Files.readAllLines(extracts.resolve("data_dictionary.csv"), StandardCharsets.UTF_8);
    assertEquals("table,column,type,meaning,may_be_withheld", dictionary.get(0));
    for (String line : dictionary.subList(1, dictionary.size())) {
      String[] cells = line.split(",", 4);
      assertTrue(cells.length == 4 && !cells[3].isBlank(), "a dictionary row without a meaning: " + line);
      assertTrue(line.endsWith(",yes") || line.endsWith(",no"), line);
      types.put(cells[0] + "." + cells[1], cells[2]);
      if (line.endsWith(",yes")) {
        mayBeWithheld.add(cells[0] + "." + cells[1]);
      }
    }
    List<Path> files;
    try (Stream<Path> all = Files.list(extracts)) {
      files = all.filter(p -> !p.getFileName().toString().equals("data_dictionary.csv")).sorted().toList();
    }
    assertTrue(files.size() >= 12, "extracts: " + files);
    int suppressed = 0;
    for (Path file : files) {
      String table = file.getFileName().toString().replace(".csv", "");
      assertTrue(!table.equals("gold_still_waiting") && !table.equals("gold_run_chart_points"),
          "a child-level table is published: " + table);
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> header = Arrays.asList(lines.get(0).split(","));
      assertTrue(!header.contains("child_key"), file.toString());
      for (String column : header) {
        assertTrue(types.containsKey(table + "." + column), "the dictionary lacks " + table + "." + column);
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", -1);
        for (int c = 0; c < header.size() && c < cells.length; c++) {
          boolean count = types.get(table + "." + header.get(c)).equals("bigint")
              || header.get(c).equals("points") || header.get(c).equals("children");
          assertTrue(!count || !cells[c].matches("[1-4]"), file + " publishes " + header.get(c) + " = " + cells[c]);
          if (cells[c].equals("[c]")) {
            suppressed++;
            assertTrue(mayBeWithheld.contains(table + "." + header.get(c)),
                "the dictionary says " + table + "." + header.get(c) + " is never withheld, and it is");
          }
        }
      }
    }
    assertTrue(suppressed > 0, "Orkney's small counts are withheld somewhere");
  }

  @Test
  void disclosureCheckFindsNothingInWhatIsPublishedAndTheCouncilsOwnRowsInWhatIsNot() {
    for (Path folder : List.of(demo.out.resolve("report"), demo.out.resolve("exports").resolve(runId).resolve("published"))) {
      PaceCliIT.Result check = PaceCliIT.pace("disclosure-check", "--config", demo.work.toString(), folder.toString());
      assertEquals(0, check.exitCode(), check.out() + check.err());
      assertTrue(check.out().contains("Nothing under"), check.out());
    }
    Path restricted = demo.out.resolve("exports").resolve(runId).resolve("restricted").resolve("S12000023");
    PaceCliIT.Result check = PaceCliIT.pace("disclosure-check", "--config", demo.work.toString(), restricted.toString());
    assertEquals(1, check.exitCode(), "Orkney's own exact rows are not safe to publish: " + check.out());
    assertTrue(check.out().contains("published as it is"), check.out());
  }

  @Test
  void aReplicationPackRunsAgainToTheSameFigures(@TempDir Path dir) throws Exception {
    Path copy = demo.copy(dir.resolve("work"));
    PaceCliIT.Result replication = PaceCliIT.pace("replicate-scra", "--config", copy.toString(),
        "--cohorts", "2017-2018", "--follow-up", "2y", "--out", dir.resolve("first").toString());
    assertEquals(0, replication.exitCode(), replication.err());
    String original = runIdIn(replication.out());
    // The pack is written at once, with the whole configuration and the pipeline's version.
    Path direct = dir.resolve("first/exports").resolve(original);
    assertTrue(Files.readString(direct.resolve("parameters.json")).contains("\"version\" : \"pace 0.1.0\""),
        Files.readString(direct.resolve("parameters.json")));
    assertTrue(Files.readString(direct.resolve("configuration.json")).contains("\"disclosure\""));
    assertTrue(Files.readString(direct.resolve("REPLICATE.md")).contains("`configuration.json`: the whole configuration"));
    Map<String, String> written = checksums(direct);
    Matcher hint = Pattern.compile("To write the pack again: pace (export [^\n]+)").matcher(replication.out());
    assertTrue(hint.find(), replication.out());
    PaceCliIT.Result asPrinted = PaceCliIT.pace(hint.group(1).split(" "));
    assertEquals(0, asPrinted.exitCode(), "the hint works as printed: " + asPrinted.err());
    assertEquals(written, checksums(direct), "and writes the same pack");
    Path packs = dir.resolve("packs");
    PaceCliIT.Result export = PaceCliIT.pace("export", "--config", copy.toString(),
        "--run", original, "--out", packs.toString());
    assertEquals(0, export.exitCode(), export.err());
    Path pack = packs.resolve("exports").resolve(original);
    assertTrue(Files.readString(pack.resolve("parameters.json")).contains("\"followUpDays\" : 731"),
        Files.readString(pack.resolve("parameters.json")));
    String readme = Files.readString(pack.resolve("REPLICATE.md"));
    Matcher command = Pattern.compile("java -jar jobs/target/pace-jobs.jar (replicate-scra [^\\n]+)").matcher(readme);
    assertTrue(command.find(), readme);
    assertTrue(command.group(1).contains("--at-run " + original), command.group(1));
    PaceCliIT.Result rerun = PaceCliIT.pace(command.group(1).split(" "));
    assertEquals(0, rerun.exitCode(), rerun.err());
    String repeated = runIdIn(rerun.out());
    PaceCliIT.Result exportAgain = PaceCliIT.pace("export", "--config", copy.toString(),
        "--run", repeated, "--out", packs.toString());
    assertEquals(0, exportAgain.exitCode(), exportAgain.err());
    assertEquals(figures(pack), figures(packs.resolve("exports").resolve(repeated)),
        "the same figures from the replication pack's command");
  }

  /** The replication table without its run id and time. */
  static List<String> figures(Path pack) throws IOException {
    List<String> lines = Files.readAllLines(pack.resolve("gold_scra_replication.csv"));
    List<String> header = Arrays.asList(lines.get(0).split(","));
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      List<String> row = new ArrayList<>();
      for (int c = 0; c < cells.length; c++) {
        if (!header.get(c).equals("run_id") && !header.get(c).equals("created_at")) {
          row.add(cells[c]);
        }
      }
      kept.add(String.join(",", row));
    }
    assertTrue(kept.size() >= 5, "rows: " + kept);
    return kept;
  }

  static String runIdIn(String output) {
    Matcher matcher = Pattern.compile("with run_id (\\S+?)[,\\s]").matcher(output);
    assertTrue(matcher.find(), output);
    return matcher.group(1);
  }

  static Map<String, String> checksums(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), Sha256.of(file));
      }
    }
    return files;
  }

  static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  /** The Python that runs {@code command} (its #! line), which has nbformat beside nbconvert. */
  static String interpreterOf(String command) throws IOException {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path path = Path.of(folder, command);
      if (Files.isExecutable(path)) {
        String line = Files.readAllLines(path).get(0);
        assertTrue(line.startsWith("#!"), path + " is not a script");
        return line.substring(2).trim().split(" ")[0];
      }
    }
    ExternalTool.require(false, command, "apt-get install jupyter-nbconvert python3-nbformat");
    throw new IllegalStateException("not reached");
  }

  static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + command);
    assertEquals(0, process.exitValue(), command + " failed:\n" + output);
  }
}
