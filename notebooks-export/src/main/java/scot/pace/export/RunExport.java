package scot.pace.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scot.pace.build.LakeBuild;
import scot.pace.catalogue.Output;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.files.CsvWriter;
import scot.pace.files.Folders;
import scot.pace.lake.Lake;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.DataDictionary;
import scot.pace.measure.KinshipShare;
import scot.pace.publish.Publication;
import scot.pace.report.Provenance;
import scot.pace.report.Report;
import scot.pace.failure.InputFailure;

/**
 * {@code pace export}: a run's gold tables, read at exactly the Delta versions the run recorded,
 * as a folder under {@code <out>/exports/<run id>/}:
 *
 * <ul>
 *   <li>{@code published/}: {@code notebook.ipynb} (the run's manifest, the definitions, the
 *       national and per-council tables and the charts, code that reloads them), {@code
 *       manifest.json}, the report's tables ({@code tables/}) and national charts ({@code charts/}),
 *       and {@code extracts/} (every published gold table as CSV with {@code data_dictionary.csv});
 *       all disclosure-controlled: safe to hand on.
 *   <li>{@code restricted/<code>/}: each council's own notebook, child-level charts and exact rows.
 * </ul>
 *
 * For a {@code replicate-scra} run, the folder is its replication pack instead ({@link ReplicationPack}).
 * When an earlier export holds the same table versions under the same configuration (a night
 * with nothing new), its files are copied and only the notebooks and manifest written anew.
 * The folder is written aside and renamed into place; the same run exported twice gives the same
 * bytes.
 */
public final class RunExport {
  public static final String EXPORTS = "exports";
  static final String PUBLISHED = "published";
  static final String RESTRICTED = "restricted";
  static final String MANIFEST = "manifest.json";
  /** The layout of an export; raise it when what an export holds changes, so older ones are not reused. */
  static final int FORMAT = 3;
  private static final String FORMAT_KEY = "exportFormat";
  private RunExport() {}

  /** What was written; {@code reusedFrom}: the earlier export of the same tables whose files were copied, or null. */
  public record Summary(Path folder, int files, long bytes, Path reusedFrom) {}

  /**
   * The report a run has just written: the folder whose {@code report/} and {@code restricted/}
   * it drew, and the protected rows it drew them from, both of the run's table versions.
   */
  public record Drawn(Path folder, Publication publication) {}

  /**
   * Exports {@code run} under {@code out}, with Spark asked for only when the export is not a reuse
   * of an earlier one. {@code drawn}, if not null, is the report a nightly run has just written
   * from the same table versions: its folders are copied instead of drawing the charts again, and
   * its publication, if given, is not protected again.
   */
  public static Summary write(java.util.function.Supplier<SparkSession> spark, Lake lake, ExportedRun run,
      DisclosureControl sdc, Path out, Drawn drawn) {
    Path exports = out.resolve(EXPORTS);
    Path folder = exports.resolve(run.runId());
    Path temp = Folders.aside(folder);
    Lake pinned = lake.pinnedTo(run.tableVersions());
    DataDictionary dictionary = DataDictionary.load();
    Optional<Path> earlier = run.isReplication() ? Optional.empty() : sameTables(exports, run);
    try {
      if (run.isReplication()) {
        ReplicationPack.write(spark.get(), pinned, run, sdc, temp);
      } else if (earlier.isPresent()) {
        reuse(earlier.get(), run, sdc, dictionary, temp);
      } else {
        writeRun(spark.get(), pinned, run, sdc, dictionary, temp, drawn);
      }
      Folders.swapIn(temp, folder);
    } catch (RuntimeException e) {
      Folders.deleteRecursively(temp);
      throw e;
    }
    Folders.Contents contents = Folders.contents(folder);
    return new Summary(folder, contents.files(), contents.bytes(), earlier.orElse(null));
  }

  /**
   * Keeps the exports of the newest {@code keep} runs under {@code out} (replication packs are
   * always kept: they are small and cited), and removes what a killed export left aside more than
   * a day ago. Returns the folders removed.
   */
  public static List<Path> prune(Path out, int keep, java.time.Instant now) {
    Path exports = out.resolve(EXPORTS);
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(exports)) {
      return removed;
    }
    List<Path> runs = new ArrayList<>();
    try (Stream<Path> folders = Files.list(exports)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        String name = folder.getFileName().toString();
        if (name.startsWith(".")) {
          if (Files.getLastModifiedTime(folder).toInstant().isBefore(now.minus(java.time.Duration.ofDays(1)))) {
            removed.add(folder);
          }
        } else if (!Files.exists(folder.resolve(ReplicationPack.README))) {
          runs.add(folder);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + exports, e);
    }
    removed.addAll(runs.subList(0, Math.max(0, runs.size() - keep)));
    removed.forEach(Folders::deleteRecursively);
    return removed;
  }

  private static void writeRun(SparkSession spark, Lake lake, ExportedRun run, DisclosureControl sdc,
      DataDictionary dictionary, Path temp, Drawn drawn) {
    for (String needed : List.of(LakeBuild.COUNCILS, KinshipShare.TABLE)) {
      if (!run.tableVersions().containsKey(needed)) {
        throw new InputFailure("run " + run.runId() + " recorded no " + needed + " table: it did not "
            + "build the gold tables, so there is nothing to export");
      }
    }
    Path published = temp.resolve(PUBLISHED);
    Path restricted = temp.resolve(RESTRICTED);
    Publication publication = drawn != null && drawn.publication() != null ? drawn.publication()
        : Publication.of(spark, lake, sdc);
    Path report = drawn == null ? null : drawn.folder();
    if (drawn == null) {
      report = temp.resolve(".report");
      // Only its charts and tables are copied into the export; its pages are not.
      Report.write(spark, lake, publication, sdc, report, new Provenance(run.runId(), run.startedAt(), "pace export"));
    }
    List<String[]> councils = new ArrayList<>();
    for (Row row : lake.read(spark, LakeBuild.COUNCILS).where("council <> '" + CohortOutcomes.SCOTLAND + "'")
        .orderBy("council_name").collectAsList()) {
      councils.add(new String[] {row.getAs("council"), row.getAs("council_name")});
    }
    String snapshot = String.valueOf(lake.read(spark, KinshipShare.TABLE).selectExpr("max(snapshot_date)").first().get(0));
    Path reportRoot = report.resolve(Report.PUBLISHED);
    copy(reportRoot.resolve("charts"), published.resolve("charts"), ".png");
    copy(reportRoot.resolve("tables"), published.resolve("tables").resolve("national"), ".csv");
    for (String[] council : councils) {
      Path own = reportRoot.resolve("councils").resolve(council[0]);
      copy(own.resolve("tables"), published.resolve("tables").resolve(council[0]), ".csv");
      Path mine = restricted.resolve(council[0]);
      copy(own.resolve("charts"), mine.resolve("charts"), ".png");
      copy(report.resolve(Report.RESTRICTED).resolve(council[0]).resolve("charts"), mine.resolve("charts"), ".png");
    }
    if (drawn == null) {
      Folders.deleteRecursively(report);
    }
    Path extracts = published.resolve("extracts");
    Folders.create(extracts);
    List<Extracts.Extract> written = Extracts.write(publication, dictionary, extracts);
    List<String> own = writeOwnTables(spark, lake, councils, restricted);
    writeNotebooks(temp, run, lake.root(), snapshot, sdc, dictionary, written, councils, own);
  }

  private static void writeNotebooks(Path temp, ExportedRun run, String lakeRoot, String snapshot, DisclosureControl sdc,
      DataDictionary dictionary, List<Extracts.Extract> extracts, List<String[]> councils, List<String> own) {
    Path published = temp.resolve(PUBLISHED);
    RunNotebooks.published(published, run, lakeRoot, snapshot, sdc, dictionary, extracts, councils);
    writeManifest(published.resolve(MANIFEST), run, lakeRoot, snapshot, extracts, councils, own);
    for (String[] council : councils) {
      RunNotebooks.restricted(temp.resolve(RESTRICTED).resolve(council[0]), run, lakeRoot, council, own);
    }
  }

  /**
   * The newest export under {@code exports} of a run with the same table versions and the same
   * configuration as {@code run}: everything in it but the notebooks and the manifest (which name
   * the run) is what exporting {@code run} would write, byte for byte.
   */
  static Optional<Path> sameTables(Path exports, ExportedRun run) {
    if (!Files.isDirectory(exports)) {
      return Optional.empty();
    }
    try (Stream<Path> folders = Files.list(exports)) {
      for (Path folder : folders.filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted(java.util.Comparator.reverseOrder()).toList()) {
        Path manifest = folder.resolve(PUBLISHED).resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
          JsonNode earlier = new ObjectMapper().readTree(manifest.toFile());
          Map<String, Long> versions = new java.util.TreeMap<>();
          earlier.path("tableVersions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asLong()));
          if (versions.equals(run.tableVersions()) && earlier.path("configSha256").asText().equals(run.configSha256())
              && earlier.path(FORMAT_KEY).asInt() == FORMAT) {
            return Optional.of(folder);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the exports in " + exports + ": " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  /** Copies {@code earlier} (see {@link #sameTables}) and writes this run's notebooks and manifest. */
  private static void reuse(Path earlier, ExportedRun run, DisclosureControl sdc, DataDictionary dictionary, Path temp) {
    try {
      JsonNode manifest = new ObjectMapper().readTree(earlier.resolve(PUBLISHED).resolve(MANIFEST).toFile());
      try (Stream<Path> all = Files.walk(earlier)) {
        for (Path file : all.filter(Files::isRegularFile).toList()) {
          String name = file.getFileName().toString();
          if (!name.equals("notebook.ipynb") && !name.equals(MANIFEST)) {
            Path target = temp.resolve(earlier.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
          }
        }
      }
      List<Extracts.Extract> extracts = new ArrayList<>();
      manifest.path("extracts").fields().forEachRemaining(e -> extracts.add(new Extracts.Extract(
          e.getValue().path("table").asText(), e.getKey().substring("extracts/".length()), List.of(),
          e.getValue().path("rows").asLong())));
      List<String[]> councils = new ArrayList<>();
      manifest.path("councils").forEach(c -> councils.add(new String[] {c.path("code").asText(), c.path("name").asText()}));
      List<String> own = new ArrayList<>();
      manifest.path("restrictedTables").forEach(t -> own.add(t.asText()));
      writeNotebooks(temp, run, manifest.path("lake").asText(), manifest.path("latestSnapshot").asText(), sdc, dictionary,
          extracts, councils, own);
    } catch (IOException e) {
      throw new UncheckedIOException("could not reuse the export " + earlier + ": " + e.getMessage(), e);
    }
  }

  /** Each council's exact rows of the catalogue's {@code ownRows} tables, one file per council and table. */
  private static List<String> writeOwnTables(SparkSession spark, Lake lake, List<String[]> councils, Path restricted) {
    List<String> names = new ArrayList<>();
    for (Output output : OutputCatalogue.ownRows()) {
      String table = output.table();
      if (!lake.exists(spark, table)) {
        continue;
      }
      names.add(table);
      Dataset<Row> rows = lake.read(spark, table);
      if (output.ownRows().filter() != null) {
        rows = rows.where(output.ownRows().filter());
      }
      List<String> columns = List.of(rows.columns());
      List<String> codes = councils.stream().map(c -> c[0]).toList();
      Iterator<Row> iterator = rows.orderBy("council", output.ownRows().order().toArray(String[]::new))
          .toLocalIterator();
      String current = null;
      CsvWriter csv = null;
      try {
        while (iterator.hasNext()) {
          Row row = iterator.next();
          String council = row.getAs("council");
          if (!council.equals(current)) {
            if (csv != null) {
              csv.close();
            }
            current = council;
            csv = codes.contains(council) ? tableFile(restricted, council, table, columns) : null;
          }
          if (csv != null) {
            List<String> line = new ArrayList<>();
            for (String column : columns) {
              line.add(scot.pace.publish.PublishedTable.text(row.getAs(column)));
            }
            csv.line(line);
          }
        }
      } finally {
        if (csv != null) {
          csv.close();
        }
      }
      for (String code : codes) {
        if (!Files.exists(restricted.resolve(code).resolve("tables").resolve(table + ".csv"))) {
          tableFile(restricted, code, table, columns).close();
        }
      }
    }
    return names;
  }

  private static CsvWriter tableFile(Path restricted, String council, String table, List<String> columns) {
    Path folder = restricted.resolve(council).resolve("tables");
    Folders.create(folder);
    return new CsvWriter(folder.resolve(table + ".csv"), columns);
  }

  private static void writeManifest(Path file, ExportedRun run, String lakeRoot, String snapshot,
      List<Extracts.Extract> extracts, List<String[]> councils, List<String> own) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put(FORMAT_KEY, FORMAT);
    manifest.put("runId", run.runId());
    manifest.put("command", run.command());
    manifest.put("arguments", run.arguments());
    manifest.put("startedAt", run.startedAt().toString());
    manifest.put("configSha256", run.configSha256());
    manifest.put("latestSnapshot", snapshot);
    manifest.put("lake", lakeRoot);
    manifest.put("tableVersions", run.tableVersions());
    Map<String, Object> files = new LinkedHashMap<>();
    for (Extracts.Extract extract : extracts) {
      files.put("extracts/" + extract.file(), Map.of("table", extract.table(), "rows", extract.rows()));
    }
    manifest.put("extracts", files);
    manifest.put("councils", councils.stream().map(c -> Map.of("code", c[0], "name", c[1])).toList());
    manifest.put("restrictedTables", own);
    writeJson(file, manifest);
  }

  static void writeJson(Path file, Object value) {
    try {
      Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(value) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void copy(Path from, Path to, String suffix) {
    List<Path> files = RunNotebooks.list(from, suffix);
    if (files.isEmpty()) {
      return;
    }
    Folders.create(to);
    try {
      for (Path file : files) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
