package scot.pace.returns;

import java.util.List;
import scot.pace.failure.InputFailure;

/**
 * The five files of an annual return and their columns, as the input contract
 * ({@code docs/annual-return.md}) defines them. Columns are read by name; their order in a file does
 * not matter.
 */
public enum ReturnFile {
  CHILDREN(
      "children.csv",
      List.of("la_code", "collection_year", "child_id", "scn", "dob", "sex", "ethnicity", "disability")),
  EPISODES(
      "episodes.csv",
      List.of(
          "la_code", "collection_year", "child_id", "episode_id", "episode_start", "episode_end",
          "destination")),
  PLACEMENTS(
      "placements.csv",
      List.of(
          "la_code", "collection_year", "child_id", "episode_id", "placement_start",
          "placement_end", "placement_type")),
  LEGAL_REASONS(
      "legal_reasons.csv",
      List.of(
          "la_code", "collection_year", "child_id", "episode_id", "legal_start", "legal_end",
          "legal_reason")),
  PERMANENCE(
      "permanence.csv",
      List.of(
          "la_code", "collection_year", "child_id", "episode_id", "milestone", "milestone_date",
          "route"));

  private final String fileName;
  private final List<String> columns;

  ReturnFile(String fileName, List<String> columns) {
    this.fileName = fileName;
    this.columns = columns;
  }

  public String fileName() {
    return fileName;
  }

  /** The contract's columns, in the contract's order (the order the generator writes). */
  public List<String> columns() {
    return columns;
  }

  /** The bronze Delta table this file kind lands in, e.g. {@code bronze_episodes}. */
  public String bronzeTable() {
    return "bronze_" + fileName.substring(0, fileName.length() - 4);
  }

  public static ReturnFile byFileName(String fileName) {
    for (ReturnFile file : values()) {
      if (file.fileName.equals(fileName)) {
        return file;
      }
    }
    throw new InputFailure("not a return file: " + fileName);
  }
}
