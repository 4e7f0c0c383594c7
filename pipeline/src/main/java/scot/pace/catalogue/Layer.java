package scot.pace.catalogue;

/** Where a table sits in the lake: what it holds, and whether runs add to it or replace it. */
public enum Layer {
  /** The returns' rows as they arrived, with their lineage; each ingest replaces its returns' rows. */
  BRONZE(true),
  /** What ingest found: rows in quarantine, each return's quality, the ingest manifest. */
  QUALITY(true),
  /**
   * Child-level facts and journeys, pseudonymised; rebuilt whole by each build, or only some
   * councils' rows after new returns from them.
   */
  SILVER(false),
  /** The measures; rebuilt whole by each build (child-level ones are restricted). */
  GOLD(false),
  /** Reference tables the measures are read with (the councils). */
  REFERENCE(false),
  /** What the runs did (the run log). */
  OPERATIONS(true);

  private final boolean grows;

  Layer(boolean grows) {
    this.grows = grows;
  }

  /** Whether runs add to the table a little at a time (so its small files want compacting). */
  public boolean grows() {
    return grows;
  }
}
