package scot.pace.catalogue;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One table the pipeline writes: its name, its layer, who writes it, and for the build's tables
 * how it is computed from what the build has read and written before it.
 *
 * @param writtenBy the stage that writes it ("ingest", "build: gold: PACE aims", "replicate-scra", ...)
 * @param step how the build computes it; null for tables another stage writes
 */
public record Output(String table, Layer layer, String writtenBy, Step step) {
  /** How the build computes one table. */
  @FunctionalInterface
  public interface Step {
    Dataset<Row> build(BuildInputs in);
  }

  static Output built(String table, Layer layer, String stage, Step step) {
    return new Output(table, layer, "build: " + stage, step);
  }

  static Output writtenBy(String table, Layer layer, String stage) {
    return new Output(table, layer, stage, null);
  }

  /** Whether {@code pace build} writes it. */
  public boolean isBuilt() {
    return step != null;
  }

  /** The part of the build it belongs to ("gold: kinship"), shown as the Spark job description. */
  public String stage() {
    return writtenBy.replaceFirst("^build: ", "");
  }
}
