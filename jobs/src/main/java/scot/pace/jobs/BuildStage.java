package scot.pace.jobs;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import scot.pace.build.LakeBuild;
import scot.pace.catalogue.BuildScope;
import scot.pace.journey.PseudonymKey;

/** Runs the silver and gold build as a stage and says what it wrote. */
final class BuildStage {
  static final String NAME = "build silver and gold";

  private BuildStage() {}

  static Map<String, Long> run(Progress progress, SparkSession spark, PaceConfig config, PseudonymKey key) {
    return run(progress, spark, config, key, null, BuildScope.everything());
  }

  /**
   * @param why why a nightly run builds (null for the build command, which builds when asked)
   * @param scope which silver rows it computes again
   */
  static Map<String, Long> run(Progress progress, SparkSession spark, PaceConfig config, PseudonymKey key, String why,
      BuildScope scope) {
    if (key.isDemo()) {
      progress.say("  child keys use the public demo key: fine for synthetic returns, never for real ones");
    }
    LakeBuild build = new LakeBuild(spark, config.lake(), key, config.councilRegistry(),
        done -> progress.step(String.format(Locale.ROOT, "%-26s %,12d rows %7.1f s%s", done.table(), done.rows(),
            done.seconds(), done.replaced().isEmpty() ? "" : "  (rows of " + String.join(", ", done.replaced())
                + " replaced)")));
    String scoped = scope.isEverything() ? "" : " (" + scope.describe() + ")";
    return progress.stage(NAME, () -> build.run(scope),
        r -> r.size() + " tables" + (why == null ? "" : ", because " + why) + scoped,
        r -> java.util.Map.of("build.tables", r.size()));
  }
}
