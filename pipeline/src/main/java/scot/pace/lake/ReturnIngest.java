package scot.pace.lake;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scot.pace.council.Councils;
import scot.pace.files.Folders;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.ReturnId;
import scot.pace.returns.ReturnLocator;
import scot.pace.returns.ReturnProblem;
import scot.pace.returns.ReturnSubmission;
import scot.pace.returns.Sha256;
import scot.pace.rules.CodeMapping;
import scot.pace.rules.DateFormat;
import scot.pace.rules.Validation;
import scot.pace.rules.ReturnReading;

/**
 * Ingest: finds the returns under a folder, reads the new and re-submitted ones, checks every row
 * against the rule catalogue, and loads them into the bronze tables (one commit per table for the
 * whole batch) with their quarantine and quality rows; skips those already loaded unchanged; sets
 * aside those that cannot be read; and holds back a re-submission whose share of rows in error is
 * over the threshold, so the earlier accepted submission stays in force. What it did goes into the
 * ingest manifest last, so a run killed part-way simply loads the same returns again next time.
 * Its commits are signed, and a table it owns that something else changed ({@link OutsideChanges})
 * has every return read again from its files.
 */
public final class ReturnIngest {
  /** The tables an ingest writes, and no other command may change. */
  static final List<String> OWNED = java.util.stream.Stream.concat(
      java.util.Arrays.stream(ReturnFile.values()).map(ReturnFile::bronzeTable),
      java.util.stream.Stream.of(Validation.QUARANTINE, QualityTables.QUALITY, IngestManifest.TABLE)).toList();
  /** Started only when there is work for it: a run that finds nothing new needs no Spark. */
  private final Supplier<SparkSession> spark;
  private final Lake lake;
  private final Councils councils;
  private final Path staging;
  private final double holdBackErrorRate;
  private final ReturnReading reading;
  private Consumer<String> steps = step -> {};

  public ReturnIngest(SparkSession spark, Lake lake, Councils councils, Path staging) {
    this(spark, lake, councils, staging, 0.05, List.of());
  }

  public ReturnIngest(SparkSession spark, Lake lake, Councils councils, Path staging, double holdBackErrorRate) {
    this(spark, lake, councils, staging, holdBackErrorRate, List.of());
  }

  /**
   * @param holdBackErrorRate share of a re-submission's rows in error above which it is held back
   * @param codeMappings councils' own codes, translated before checking and loading
   */
  public ReturnIngest(SparkSession spark, Lake lake, Councils councils, Path staging, double holdBackErrorRate,
      List<CodeMapping> codeMappings) {
    this(() -> spark, lake, councils, staging, holdBackErrorRate, codeMappings);
  }

  /** As above, with Spark asked for only when a return is to be read or the manifest's memo is stale. */
  public ReturnIngest(Supplier<SparkSession> spark, Lake lake, Councils councils, Path staging,
      double holdBackErrorRate, List<CodeMapping> codeMappings) {
    this(spark, lake, councils, staging, holdBackErrorRate, codeMappings, List.of());
  }

  /** As above, with councils' own ways of writing dates, read before checking and loading. */
  public ReturnIngest(Supplier<SparkSession> spark, Lake lake, Councils councils, Path staging,
      double holdBackErrorRate, List<CodeMapping> codeMappings, List<DateFormat> dateFormats) {
    this.spark = spark;
    this.lake = lake;
    this.councils = councils;
    this.staging = staging;
    this.holdBackErrorRate = holdBackErrorRate;
    this.reading = new ReturnReading(codeMappings, dateFormats);
  }

  /** Tells {@code steps} of each step of an ingest as it ends: the files read, the rows checked, each table written. */
  public ReturnIngest reportingTo(Consumer<String> steps) {
    this.steps = steps;
    return this;
  }

  /**
   * What the configuration says about reading this return, or empty: recorded in the manifest, and
   * part of the fingerprint, so a return is read again when that changes.
   */
  private String readWith(ReturnSubmission submission) {
    return reading.describe(submission.councilCode(), submission.id().collectionYear());
  }

  private String fingerprint(ReturnSubmission submission) {
    String readWith = readWith(submission);
    return readWith.isEmpty() ? submission.fingerprint() : Sha256.of(submission.fingerprint() + "\n" + readWith);
  }

  public IngestReport ingest(Path returnsRoot, String runId, Instant startedAt) {
    Path runStaging = staging.resolve(runId);
    List<Dataset<Row>> cached = new ArrayList<>();
    boolean signed = false;
    try {
      ReturnLocator.Located located = new ReturnLocator(councils, runStaging).locate(returnsRoot);
      IngestManifest manifest = new IngestManifest(spark, lake);
      IngestManifest.State state = manifest.state();
      Map<String, IngestManifest.Latest> latest = state.latest();

      // A table an ingest owns changed by something else: every return is read again from its files.
      List<OutsideChanges.Change> outside = OutsideChanges.in(lake, OWNED);
      List<ReturnSubmission> toRead = new ArrayList<>();
      List<String> unchanged = new ArrayList<>();
      for (ReturnSubmission submission : located.submissions()) {
        IngestManifest.Latest previous = latest.get(submission.returnKey());
        if (outside.isEmpty() && previous != null && previous.fingerprint().equals(fingerprint(submission))
            && previous.status() != IngestManifest.Status.REJECTED) {
          unchanged.add(submission.returnKey());
        } else {
          toRead.add(submission);
        }
      }
      toRead.sort(Comparator.comparing(ReturnSubmission::returnKey));
      if (toRead.isEmpty() && located.problems().isEmpty() && state.lastSequence() > 0) {
        // Nothing new and nothing rejected: the night's common case, answered without a Spark job.
        return new IngestReport(runId, List.of(), unchanged, List.of(), List.of(), List.of(), Map.of());
      }
      steps.accept(String.format(Locale.ROOT, "%d returns to read (new or sent again), %d unchanged, %d that cannot be read",
          toRead.size(), unchanged.size(), located.problems().size()));
      spark.get().conf().set(OutsideChanges.COMMIT_NOTE, OutsideChanges.SIGNATURE + runId);
      signed = true;

      Map<ReturnFile, Dataset<Row>> batch = new EnumMap<>(ReturnFile.class);
      for (ReturnFile file : ReturnFile.values()) {
        // Bronze holds the values as the rules read them; the quarantine keeps a row written otherwise as it arrived.
        // Checkpointed, not cached: every later plan (the rules, the counts, five writes) starts from the rows
        // read instead of the reading, which Spark analysed again in each; 27 small returns took 56 s instead of
        // 66. A lost executor loses them, and the run fails whole and is run again, as after any failure.
        Dataset<Row> rows = reading.apply(file, new BronzeTables(spark.get(), lake).read(file, toRead, runId, startedAt))
            .localCheckpoint(true);
        cached.add(rows);
        batch.put(file, rows);
        steps.accept("read " + file.fileName() + " of " + toRead.size() + " returns");
      }
      Map<String, Double> errorRates = new HashMap<>();
      Dataset<Row> violations = null;
      Dataset<Row> quality = null;
      if (!toRead.isEmpty()) {
        spark.get().sparkContext().setJobDescription("validate " + toRead.size() + " returns");
        // Checkpointed like the rows: persisted, every later plan (quality, quarantine) carried the rules' whole
        // plan, which Spark matched against its cache again and again.
        violations = new Validation(councils.formerToCurrent()).violations(batch).localCheckpoint(true);
        cached.add(violations);
        quality = QualityTables.quality(batch, violations).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(quality);
        long rowsRead = 0;
        long rowsSetAside = 0;
        for (Row row : quality.groupBy("return_key")
            .agg(org.apache.spark.sql.functions.expr("sum(rows_read)"), org.apache.spark.sql.functions.expr("sum(rows_quarantined)"))
            .collectAsList()) {
          errorRates.put(row.getString(0), row.getLong(2) / (double) Math.max(row.getLong(1), 1));
          rowsRead += row.getLong(1);
          rowsSetAside += row.getLong(2);
        }
        steps.accept(String.format(Locale.ROOT, "checked %,d rows against the rules: %,d set aside in quarantine",
            rowsRead, rowsSetAside));
      }

      List<String> loaded = new ArrayList<>();
      List<ReturnProblem> heldBack = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      if (!outside.isEmpty()) {
        warnings.add("the lake was changed outside pace ingest ("
            + outside.stream().map(OutsideChanges.Change::toString).collect(Collectors.joining(", "))
            + "): every return was read again from its files and its rows replaced; the lake is changed only"
            + " through pace");
      }
      for (ReturnSubmission submission : toRead) {
        double rate = errorRates.getOrDefault(submission.returnKey(), 0.0);
        boolean earlierInForce = state.everLoaded().contains(submission.returnKey());
        if (rate > holdBackErrorRate && earlierInForce) {
          heldBack.add(new ReturnProblem(submission.id().folderName(), submission.source().toString(),
              String.format(Locale.ROOT, "%.1f%% of its rows break error rules (more than the %.1f%% allowed for a"
                  + " re-submission); the earlier submission stays in force. Run `pace validate %s` for the list.",
                  100 * rate, 100 * holdBackErrorRate, submission.source())));
        } else {
          loaded.add(submission.returnKey());
          if (rate > holdBackErrorRate) {
            warnings.add(String.format(Locale.ROOT, "%s: %.1f%% of rows are in error and set aside in quarantine"
                + " (loaded, as no earlier submission is in force)", submission.id().folderName(), 100 * rate));
          }
        }
        for (ReturnFile file : ReturnFile.values()) {
          List<String> unknown = submission.headers().get(file).stream().filter(c -> !file.columns().contains(c)).toList();
          if (!unknown.isEmpty()) {
            warnings.add(submission.displayNames().get(file) + ": columns the contract does not know were ignored: "
                + String.join(", ", unknown));
          }
        }
      }

      Map<ReturnFile, Map<String, Long>> counts = new BronzeTables(spark.get(), lake).replace(batch, loaded);
      counts.forEach((file, byReturn) -> steps.accept(String.format(Locale.ROOT, "wrote %s: %,d rows of %d returns",
          file.bronzeTable(), byReturn.values().stream().mapToLong(Long::longValue).sum(), loaded.size())));
      if (violations != null) {
        new QualityTables(spark.get(), lake).replace(violations, quality, loaded, runId);
        steps.accept("wrote " + Validation.QUARANTINE + " and " + QualityTables.QUALITY);
      }

      List<IngestManifest.Entry> entries = new ArrayList<>();
      Map<ReturnFile, Long> rowsByFile = new EnumMap<>(ReturnFile.class);
      Set<String> loadedKeys = new HashSet<>(loaded);
      for (ReturnSubmission submission : toRead) {
        boolean isLoaded = loadedKeys.contains(submission.returnKey());
        String reason = isLoaded ? null : heldBack.stream()
            .filter(p -> p.path().equals(submission.source().toString())).findFirst().map(ReturnProblem::reason)
            .orElse(null);
        String fingerprint = fingerprint(submission);
        String readWith = readWith(submission);
        for (ReturnFile file : ReturnFile.values()) {
          long rows = counts.getOrDefault(file, Map.of()).getOrDefault(submission.returnKey(), 0L);
          if (isLoaded) {
            rowsByFile.merge(file, rows, Long::sum);
          }
          if (isLoaded && rows == 0) {
            warnings.add(submission.displayNames().get(file) + ": has no rows, only its header; right if the"
                + " council had none to return, otherwise send the file again with its rows");
          }
          entries.add(new IngestManifest.Entry(
              runId, submission.returnKey(), submission.id().folderName(), submission.councilCode(),
              submission.id().collectionYear(), file.fileName(), submission.displayNames().get(file),
              submission.sha256().get(file), submission.bytes().get(file), isLoaded ? rows : null,
              fingerprint, isLoaded ? IngestManifest.Status.LOADED : IngestManifest.Status.HELD_BACK,
              reason, startedAt, readWith.isEmpty() ? null : readWith));
        }
      }
      List<ReturnProblem> rejected = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (ReturnProblem problem : located.problems()) {
        rejected.add(problem);
        String key = rejectedKey(problem);
        String fingerprint = Sha256.of(problem.path() + "\n" + problem.reason());
        IngestManifest.Latest previous = latest.get(key);
        if (!seen.add(key + fingerprint)
            || (previous != null && previous.fingerprint().equals(fingerprint))) {
          continue;
        }
        ReturnId id = ReturnId.fromName(problem.returnName()).orElse(null);
        entries.add(new IngestManifest.Entry(
            runId, key, problem.returnName(),
            id == null ? null : councils.find(id.laCode()).map(c -> c.code()).orElse(null),
            id == null ? null : id.collectionYear(), null, problem.path(), null, null, null,
            fingerprint, IngestManifest.Status.REJECTED, problem.reason(), startedAt, null));
      }
      manifest.append(state, entries);
      return new IngestReport(runId, loaded, unchanged, rejected, heldBack, warnings, rowsByFile);
    } finally {
      if (!cached.isEmpty()) {
        cached.forEach(Dataset::unpersist);
        spark.get().sparkContext().setJobDescription(null);
      }
      if (signed) {
        spark.get().conf().unset(OutsideChanges.COMMIT_NOTE);
      }
      Folders.deleteRecursively(runStaging);
    }
  }

  private String rejectedKey(ReturnProblem problem) {
    return ReturnId.fromName(problem.returnName())
        .flatMap(id -> councils.find(id.laCode()).map(c -> c.code() + "_" + id.collectionYear()))
        .orElse(problem.returnName());
  }
}
