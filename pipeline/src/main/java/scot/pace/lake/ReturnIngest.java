package scot.pace.lake;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import scot.pace.council.Councils;
import scot.pace.files.Folders;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.ReturnId;
import scot.pace.returns.ReturnLocator;
import scot.pace.returns.ReturnProblem;
import scot.pace.returns.ReturnSubmission;
import scot.pace.returns.Sha256;

/**
 * Ingest: finds the returns under a folder, loads the new and re-submitted ones into the bronze
 * tables (one commit per table for the whole batch), skips those already loaded unchanged, sets
 * aside those that cannot be read, and records what it did in the ingest manifest, last, so that
 * a run killed part-way simply loads the same returns again next time.
 */
public final class ReturnIngest {
  private final SparkSession spark;
  private final Lake lake;
  private final Councils councils;
  private final Path staging;

  public ReturnIngest(SparkSession spark, Lake lake, Councils councils, Path staging) {
    this.spark = spark;
    this.lake = lake;
    this.councils = councils;
    this.staging = staging;
  }

  public IngestReport ingest(Path returnsRoot, String runId, Instant startedAt) {
    Path runStaging = staging.resolve(runId);
    try {
      ReturnLocator.Located located = new ReturnLocator(councils, runStaging).locate(returnsRoot);
      IngestManifest manifest = new IngestManifest(spark, lake);
      IngestManifest.State state = manifest.state();
      Map<String, IngestManifest.Latest> latest = state.latest();

      List<ReturnSubmission> toLoad = new ArrayList<>();
      List<String> unchanged = new ArrayList<>();
      for (ReturnSubmission submission : located.submissions()) {
        IngestManifest.Latest previous = latest.get(submission.returnKey());
        if (previous != null
            && previous.status() == IngestManifest.Status.LOADED
            && previous.fingerprint().equals(submission.fingerprint())) {
          unchanged.add(submission.returnKey());
        } else {
          toLoad.add(submission);
        }
      }
      toLoad.sort(Comparator.comparing(ReturnSubmission::returnKey));

      Map<ReturnFile, Map<String, Long>> counts =
          new BronzeTables(spark, lake).replace(toLoad, runId, startedAt);

      List<IngestManifest.Entry> entries = new ArrayList<>();
      Map<ReturnFile, Long> rowsByFile = new EnumMap<>(ReturnFile.class);
      for (ReturnSubmission submission : toLoad) {
        for (ReturnFile file : ReturnFile.values()) {
          long rows = counts.getOrDefault(file, Map.of()).getOrDefault(submission.returnKey(), 0L);
          rowsByFile.merge(file, rows, Long::sum);
          entries.add(new IngestManifest.Entry(
              runId, submission.returnKey(), submission.id().folderName(), submission.councilCode(),
              submission.id().collectionYear(), file.fileName(), submission.displayNames().get(file),
              submission.sha256().get(file), submission.bytes().get(file), rows,
              submission.fingerprint(), IngestManifest.Status.LOADED, null, startedAt));
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
            fingerprint, IngestManifest.Status.REJECTED, problem.reason(), startedAt));
      }
      manifest.append(state, entries);
      return new IngestReport(
          runId, toLoad.stream().map(ReturnSubmission::returnKey).toList(), unchanged, rejected, rowsByFile);
    } finally {
      Folders.deleteRecursively(runStaging);
    }
  }

  private String rejectedKey(ReturnProblem problem) {
    return ReturnId.fromName(problem.returnName())
        .flatMap(id -> councils.find(id.laCode()).map(c -> c.code() + "_" + id.collectionYear()))
        .orElse(problem.returnName());
  }
}
