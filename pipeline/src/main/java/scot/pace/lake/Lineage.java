package scot.pace.lake;

/** Names of the lineage columns every bronze row carries beside the return's own columns. */
public final class Lineage {
  private Lineage() {}

  /** The council's current GSS code (former codes mapped). */
  public static final String COUNCIL = "_council";
  /** The collection year the return is for. */
  public static final String COLLECTION_YEAR = "_collection_year";
  /** {@code <current council code>_<year>}: what a re-submission replaces. */
  public static final String RETURN_KEY = "_return_key";
  /** The file as a person finds it (a zip entry as {@code x.zip!/episodes.csv}). */
  public static final String SOURCE_FILE = "_source_file";
  /** SHA-256 of the source file, hex. */
  public static final String SOURCE_SHA256 = "_source_sha256";
  /** Row of the source file, counting the header as row 1, as a spreadsheet numbers it. */
  public static final String ROW_NUMBER = "_row_number";
  /** The run that loaded the row. */
  public static final String RUN_ID = "_run_id";
  /** When that run started, UTC. */
  public static final String INGESTED_AT = "_ingested_at";
}
