package scot.pace.catalogue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scot.pace.publish.PublishedTable;

/**
 * One table the pipeline writes: its name, its layer, who writes it, and for the build's tables
 * how it is computed from what the build has read and written before it.
 *
 * @param writtenBy the stage that writes it ("ingest", "build: gold: PACE aims", "replicate-scra", ...)
 * @param step how the build computes it; null for tables another stage writes
 * @param publication how it is published, protected (the pages, the extracts and the notebooks
 *     show only that); null for a table that is never published
 * @param ownRows which of its exact rows each council gets in its restricted notebook; null for none
 */
public record Output(String table, Layer layer, String writtenBy, Step step, PublishedTable publication,
    OwnRows ownRows) {

  /** A council's own exact rows: which ({@code filter}, SQL, or null for all) and in what order. */
  public record OwnRows(String filter, List<String> order) {}
  /** How the build computes one table. */
  @FunctionalInterface
  public interface Step {
    Dataset<Row> build(BuildInputs in);
  }

  static Output built(String table, Layer layer, String stage, Step step) {
    return new Output(table, layer, "build: " + stage, step, null, null);
  }

  static Output writtenBy(String table, Layer layer, String stage) {
    return new Output(table, layer, stage, null, null, null);
  }

  /** The same table, published as {@code publication} says. */
  Output publishedAs(PublishedTable publication) {
    if (!publication.name().equals(table)) {
      throw new IllegalArgumentException("the publication of " + publication.name() + " is not " + table + "'s");
    }
    return new Output(table, layer, writtenBy, step, publication, ownRows);
  }

  /** The same table, with each council's own rows in its restricted notebook. */
  Output ownRowsFor(String filter, String... order) {
    return new Output(table, layer, writtenBy, step, publication, new OwnRows(filter, List.of(order)));
  }

  /** Whether it is published. */
  public boolean isPublished() {
    return publication != null;
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
