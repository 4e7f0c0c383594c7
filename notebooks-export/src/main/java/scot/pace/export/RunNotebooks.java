package scot.pace.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.files.CsvReader;
import scot.pace.measure.ComparedMeasure;
import scot.pace.measure.DataDictionary;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.StillWaiting;
import scot.pace.measure.TimeToPermanence;

/**
 * The notebooks of a run's export, built from the files already in the export folder (the
 * disclosure-controlled tables and charts of the report, the extracts): every table and image a
 * notebook shows is a file beside it that its code cell reads, so running the notebook gives back
 * what it shows.
 */
final class RunNotebooks {
  /** A section of the national notebook: its title, the table that defines it, its files. */
  private record Section(String title, String definedBy, List<String> tables, List<String> charts) {}

  private static final List<Section> NATIONAL = national();

  private static List<Section> national() {
    List<Section> sections = new java.util.ArrayList<>();
    for (ComparedMeasure measure : ComparedMeasure.ALL) {
      sections.add(section("Councils compared: " + measure.title(), measure.definedBy(), "comparison_" + measure.measure(),
          "caterpillar_" + measure.measure(), "funnel_" + measure.measure()));
    }
    sections.addAll(List.of(
      section("Time to legal permanence, Scotland", TimeToPermanence.SUMMARY, "time_to_permanence",
          "permanence_*", "permanence_by_cohort"),
      section("Routes to permanence, Scotland", TimeToPermanence.POINTS, "routes", "routes"),
      section("Kinship care and the placement mix, Scotland", KinshipShare.TABLE, "kinship", "kinship"),
      section("After the recommendation, Scotland", LaterStages.TABLE, "stages", "stages"),
      section("Has the wait for a recommendation changed since PACE?", RunChart.PHASES,
          "run_chart_verdicts", "run_charts")));
    return List.copyOf(sections);
  }

  private static Section section(String title, String definedBy, String table, String... charts) {
    return new Section(title, definedBy, List.of(table), List.of(charts));
  }

  private RunNotebooks() {}

  /** The published notebook of the run, {@code notebook.ipynb} in {@code folder}. */
  static void published(Path folder, ExportedRun run, String lakeRoot, String latestSnapshot, DisclosureControl sdc,
      DataDictionary dictionary, List<Extracts.Extract> extracts, List<String[]> councils) {
    Notebook book = new Notebook("Permanence for looked after children in Scotland, run " + run.runId());
    book.markdown("# Permanence for looked after children in Scotland\n\n"
        + "Run `" + run.runId() + "` (`" + run.command() + "`), latest snapshot " + latestSnapshot + ". Every figure "
        + "here is disclosure-controlled: counts of 1 to " + sdc.threshold() + " children, and figures that would "
        + "reveal them, are shown as `" + DisclosureControl.SUPPRESSED + "`. Child-level detail is only in each "
        + "council's restricted notebook.\n\n" + manifest(run));
    book.code(setup(run));
    book.markdown("## Definitions\n\nThe measures, as `docs/measures.md` defines them; "
        + "`extracts/" + Extracts.DICTIONARY + "` gives every column of every extract.\n\n"
        + definitions(dictionary, extracts));
    for (Section section : NATIONAL) {
      book.markdown("## " + section.title() + "\n\n" + dictionary.table(section.definedBy())
          .map(DataDictionary.Table::description).orElse(""));
      for (String table : section.tables()) {
        Path file = folder.resolve("tables").resolve("national").resolve(table + ".csv");
        if (Files.isRegularFile(file)) {
          book.code("table(\"tables/national/" + table + ".csv\")", TableOutput.of(CsvReader.read(file)));
        }
      }
      for (String chart : section.charts()) {
        for (Path png : charts(folder.resolve("charts"), chart)) {
          book.code("Image(filename=\"charts/" + png.getFileName() + "\")", image(png));
        }
      }
    }
    book.markdown("## Councils\n\nEach council's own published tables (its page of the report has the charts).");
    for (String[] council : councils) {
      Path tables = folder.resolve("tables").resolve(council[0]);
      List<Path> files = list(tables, ".csv");
      if (files.isEmpty()) {
        continue;
      }
      book.markdown("### " + council[1] + " (" + council[0] + ")");
      for (Path file : files) {
        book.code("table(\"tables/" + council[0] + "/" + file.getFileName() + "\")", TableOutput.of(CsvReader.read(file)));
      }
    }
    book.markdown("## Work with the extracts\n\nThe published gold tables, disclosure-controlled, one CSV each in "
        + "`extracts/`. A withheld figure is `" + DisclosureControl.SUPPRESSED + "`: `extract(path)` reads it, and "
        + "an empty cell, as missing (NaN), so every column of numbers is read as numbers.");
    book.code(pandasCell(extracts));
    book.markdown("## Reload the gold tables at this run's versions\n\nWith access to the lake (at `" + lakeRoot + "` when "
        + "this run was exported; set `PACE_LAKE` to its folder if it has moved), "
        + "PySpark with Delta reads each table exactly as this run left it (time travel to the version in the "
        + "manifest). Those tables are exact, not disclosure-controlled: they stay inside the secure setting.");
    book.code(pysparkCell(run, lakeRoot, folder));
    book.write(folder.resolve("notebook.ipynb"));
  }

  /** A council's restricted notebook: its own charts and tables, without disclosure control. */
  static void restricted(Path folder, ExportedRun run, String lakeRoot, String[] council, List<String> ownTables) {
    Notebook book = new Notebook(council[1] + ", restricted, run " + run.runId());
    book.markdown("# " + council[1] + " (" + council[0] + "): restricted\n\n**Restricted.** Exact figures and "
        + "child-level charts for the council's own managers, not for publication. Children appear only as "
        + "marks; no identifier is shown.\n\n" + manifest(run));
    book.code(setup(run));
    for (Path png : list(folder.resolve("charts"), ".png")) {
      book.code("Image(filename=\"charts/" + png.getFileName() + "\")", image(png));
    }
    for (String table : ownTables) {
      Path file = folder.resolve("tables").resolve(table + ".csv");
      book.markdown("## " + table + "\n\nThe council's rows of `" + table + "`, exact.");
      book.code("table(\"tables/" + table + ".csv\")", TableOutput.of(CsvReader.read(file)));
    }
    book.code(pysparkCell(run, lakeRoot, folder) + "\nif spark is not None:\n    gold(\"" + StillWaiting.TABLE
        + "\").where(\"council = '" + council[0] + "'\").drop(\"child_key\").show()");
    book.write(folder.resolve("notebook.ipynb"));
  }

  static String manifest(ExportedRun run) {
    StringBuilder text = new StringBuilder("| run | |\n|---|---|\n");
    text.append("| run id | `").append(run.runId()).append("` |\n");
    text.append("| command | `").append(run.command()).append(run.arguments().isEmpty() ? "" : " "
        + String.join(" ", run.arguments())).append("` |\n");
    text.append("| started | ").append(run.startedAt()).append(" |\n");
    text.append("| configuration SHA-256 | `").append(run.configSha256()).append("` |\n\n");
    text.append("| table | Delta version |\n|---|---|\n");
    run.tableVersions().forEach((table, version) -> text.append("| `").append(table).append("` | ").append(version)
        .append(" |\n"));
    return text.toString();
  }

  private static String definitions(DataDictionary dictionary, List<Extracts.Extract> extracts) {
    StringBuilder text = new StringBuilder();
    for (Extracts.Extract extract : extracts) {
      dictionary.table(extract.table()).ifPresent(table -> text.append("- **`").append(extract.table())
          .append("`** (").append(extract.rows()).append(" rows): ").append(table.description()).append('\n'));
    }
    return text.toString();
  }

  private static String setup(ExportedRun run) {
    return "# Run this notebook from its own folder: every table and chart it shows is a file here.\n"
        + "from pathlib import Path\n"
        + "import pandas as pd\n"
        + "from IPython.display import Image\n\n"
        + "RUN_ID = \"" + run.runId() + "\"\n\n"
        + "def table(path):\n"
        + "    \"\"\"A table as published: text, [c] where withheld.\"\"\"\n"
        + "    return pd.read_csv(path, dtype=str, keep_default_na=False)\n\n"
        + "def extract(path):\n"
        + "    \"\"\"A table with its numbers as numbers: [c] (withheld) and empty cells are missing (NaN).\"\"\"\n"
        + "    return pd.read_csv(path, na_values=[\"" + DisclosureControl.SUPPRESSED + "\", \"\"], keep_default_na=False)";
  }

  private static String pandasCell(List<Extracts.Extract> extracts) {
    StringBuilder code = new StringBuilder("extracts = {p.stem: extract(p)\n"
        + "            for p in sorted(Path(\"extracts\").glob(\"*.csv\")) if p.name != \"" + Extracts.DICTIONARY
        + "\"}\n"
        + "dictionary = pd.read_csv(\"extracts/" + Extracts.DICTIONARY + "\")\n");
    if (extracts.stream().anyMatch(e -> e.table().equals(TimeToPermanence.POINTS))) {
      code.append("points = extracts[\"" + TimeToPermanence.POINTS + "\"]\n"
          + "# legal permanence within 2 years: the curve at day " + TimeToPermanence.quarterDays(8) + "\n"
          + "points[(points.council == \"S92000003\") & (points.population == \"accommodated\")\n"
          + "       & (points.days == " + TimeToPermanence.quarterDays(8) + ")][[\"cohort_year\", \"within\"]]");
    }
    return code.toString();
  }

  /**
   * The cell that reloads the gold tables at the run's versions with PySpark. The lake is found
   * from the notebook's own folder as it was when the run was exported, or at {@code PACE_LAKE};
   * without PySpark or the lake the cell says what is missing instead of failing.
   */
  static String pysparkCell(ExportedRun run, String lakeRoot, Path notebookFolder) {
    Properties stack = stack();
    StringBuilder versions = new StringBuilder("{\n");
    for (Map.Entry<String, Long> entry : run.tableVersions().entrySet()) {
      versions.append("    \"").append(entry.getKey()).append("\": ").append(entry.getValue()).append(",\n");
    }
    versions.append("}");
    String lake = lakeRoot.contains("://") ? "\"" + lakeRoot + "\""
        : "str((Path.cwd() / \"" + notebookFolder.toAbsolutePath().relativize(
            Path.of(lakeRoot.startsWith("file:") ? lakeRoot.substring(5) : lakeRoot).toAbsolutePath()) + "\").resolve())";
    return "# Needs PySpark " + stack.getProperty("spark.version") + " and the lake; Delta comes from Maven Central.\n"
        + "import os\n"
        + "from pathlib import Path\n\n"
        + "# The lake: PACE_LAKE if set, else where it was beside this folder when the run was exported.\n"
        + "LAKE = os.environ.get(\"PACE_LAKE\") or " + lake + "\n"
        + "VERSIONS = " + versions + "\n"
        + "print(f\"Lake: {LAKE}\")\n"
        + "spark = None\n"
        + "try:\n"
        + "    from pyspark.sql import SparkSession\n"
        + "except ImportError:\n"
        + "    print(\"PySpark is not installed: pip install pyspark==" + stack.getProperty("spark.version")
        + " to reload the gold tables (the tables above need only pandas).\")\n"
        + "else:\n"
        + "    if \"://\" not in LAKE and not Path(LAKE).is_dir():\n"
        + "        print(f\"No lake at {LAKE}: set PACE_LAKE to the lake's folder and run this cell again.\")\n"
        + "    else:\n"
        + "        spark = (SparkSession.builder.appName(\"pace-" + run.runId() + "\")\n"
        + "                 .config(\"spark.jars.packages\", \"io.delta:" + stack.getProperty("delta.artifact") + ":"
        + stack.getProperty("delta.version") + "\")\n"
        + "                 .config(\"spark.sql.extensions\", \"io.delta.sql.DeltaSparkSessionExtension\")\n"
        + "                 .config(\"spark.sql.catalog.spark_catalog\", \"org.apache.spark.sql.delta.catalog.DeltaCatalog\")\n"
        + "                 .config(\"spark.sql.shuffle.partitions\", \"4\")\n"
        + "                 .getOrCreate())\n\n"
        + "def gold(name):\n"
        + "    \"\"\"The table as this run left it.\"\"\"\n"
        + "    return spark.read.format(\"delta\").option(\"versionAsOf\", VERSIONS[name]).load(f\"{LAKE}/{name}\")\n";
  }

  private static Properties stack() {
    Properties properties = new Properties();
    try (InputStream in = RunNotebooks.class.getResourceAsStream("stack.properties")) {
      properties.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the jar has no scot/pace/export/stack.properties; rebuild with Maven", e);
    }
    return properties;
  }

  private static Notebook.Output image(Path png) {
    try {
      return Notebook.Output.image(Files.readAllBytes(png), png.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + png, e);
    }
  }

  private static List<Path> charts(Path folder, String pattern) {
    if (pattern.endsWith("*")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      return list(folder, ".png").stream().filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().substring(prefix.length()).matches("\\d{4}\\.png")).toList();
    }
    Path png = folder.resolve(pattern + ".png");
    return Files.isRegularFile(png) ? List.of(png) : List.of();
  }

  static List<Path> list(Path folder, String suffix) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + folder, e);
    }
  }
}
