package scot.pace.rules;

import static scot.pace.returns.ReturnFile.CHILDREN;
import static scot.pace.returns.ReturnFile.EPISODES;
import static scot.pace.returns.ReturnFile.LEGAL_REASONS;
import static scot.pace.returns.ReturnFile.PERMANENCE;
import static scot.pace.returns.ReturnFile.PLACEMENTS;
import static scot.pace.rules.Severity.ERROR;
import static scot.pace.rules.Severity.WARNING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import scot.pace.returns.ReturnFile;
import scot.pace.failure.InputFailure;

/**
 * Every validation rule, in one place: the ingest, {@code pace validate}, the error injector and
 * {@code docs/validation-rules.md} all read this list. A condition is true when a row breaks the
 * rule and is null-safe: a value that is missing or not a date leaves the rules that need it
 * silent (the rule about the missing value speaks instead).
 */
public final class RuleCatalogue {
  static final String SEX = "'M', 'F', 'X', 'U'";
  static final String ETHNICITY = "'WS', 'WB', 'WO', 'MX', 'AS', 'BL', 'OT', 'NK'";
  static final String DISABILITY = "'Y', 'N', 'NK'";
  static final String DESTINATION =
      "'HOME', 'KIN_ORDER', 'KIN_NO_ORDER', 'ADOPTED', 'INDEPENDENT', 'CONTINUING', 'OTHER_LA', 'CUSTODY', 'DIED',"
          + " 'OTHER', 'NK'";
  static final String PLACEMENT_TYPE =
      "'HOME', 'KIN', 'FOS_LA', 'FOS_PUR', 'ADOPTERS', 'COMM', 'RES_LA', 'RES_VOL', 'RES_SCH', 'SECURE', 'CRISIS',"
          + " 'RES_OTH'";
  static final String LEGAL_REASON = "'S25', 'CSO_HOME', 'CSO_AWAY', 'ICSO', 'CPO', 'PO', 'POA', 'CRIM', 'OTHER'";
  static final String MILESTONE = "'REC', 'PANEL', 'ADM', 'LODGED', 'GRANTED'";
  static final String ROUTE = "'HOME', 'KCO', 'PO', 'POA', 'ADOPTION'";

  private static final Map<ReturnFile, String> PREFIX =
      Map.of(CHILDREN, "CH", EPISODES, "EP", PLACEMENTS, "PL", LEGAL_REASONS, "LR", PERMANENCE, "PM");

  /** A clean return (S12000023, 2020) that breaks no rule: every rule's example edits it. */
  public static final Map<ReturnFile, List<List<String>>> EXAMPLE = Map.of(
      CHILDREN, List.of(
          List.of("S12000023", "2020", "C1", "123456789", "2012-03-04", "F", "WS", "N"),
          List.of("S12000023", "2020", "C2", "", "2008-10-20", "M", "WB", "NK")),
      EPISODES, List.of(
          List.of("S12000023", "2020", "C1", "E1", "2019-01-10", "", ""),
          List.of("S12000023", "2020", "C2", "E1", "2018-02-01", "2019-11-30", "HOME")),
      PLACEMENTS, List.of(
          List.of("S12000023", "2020", "C1", "E1", "2019-01-10", "2019-06-01", "FOS_LA"),
          List.of("S12000023", "2020", "C1", "E1", "2019-06-01", "", "KIN"),
          List.of("S12000023", "2020", "C2", "E1", "2018-02-01", "2019-11-30", "FOS_PUR")),
      LEGAL_REASONS, List.of(
          List.of("S12000023", "2020", "C1", "E1", "2019-01-10", "2019-03-10", "ICSO"),
          List.of("S12000023", "2020", "C1", "E1", "2019-03-10", "", "CSO_AWAY"),
          List.of("S12000023", "2020", "C2", "E1", "2018-02-01", "2019-11-30", "S25")),
      PERMANENCE, List.of(
          List.of("S12000023", "2020", "C1", "E1", "REC", "2019-05-01", "PO"),
          List.of("S12000023", "2020", "C1", "E1", "PANEL", "2019-09-01", "PO"),
          List.of("S12000023", "2020", "C1", "E1", "ADM", "2019-09-12", "PO"),
          List.of("S12000023", "2020", "C2", "E1", "REC", "2019-06-01", "HOME")));

  private static final List<Rule> RULES = build();

  private RuleCatalogue() {}

  public static List<Rule> all() {
    return RULES;
  }

  public static List<Rule> forFile(ReturnFile file) {
    return RULES.stream().filter(r -> r.file() == file).toList();
  }

  public static Rule byId(String id) {
    return RULES.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new InputFailure("no rule " + id));
  }

  private static List<Rule> build() {
    List<Rule> rules = new ArrayList<>();
    for (ReturnFile file : ReturnFile.values()) {
      String p = PREFIX.get(file);
      rules.add(new Rule(p + "-01", ERROR, file, List.of("la_code"),
          "la_code is not the council of the folder",
          "la_code IS NULL OR _la_current <> _council",
          "format_string('la_code %s is not the council of the return''s folder (%s): fix the code or file the row"
              + " in its own council''s return', coalesce(la_code, '(empty)'), _council)",
          List.of(Edit.set(0, "la_code", "S12000999")), true));
      rules.add(new Rule(p + "-02", ERROR, file, List.of("collection_year"),
          "collection_year is not the year of the folder",
          "collection_year IS NULL OR try_cast(collection_year AS INT) IS NULL"
              + " OR try_cast(collection_year AS INT) <> _collection_year",
          "format_string('collection_year %s is not the return''s year (%s)', coalesce(collection_year, '(empty)'),"
              + " _collection_year)",
          List.of(Edit.set(0, "collection_year", "2031")), true));
      rules.add(new Rule(p + "-03", ERROR, file, file.columns(),
          "the row holds bytes that are not UTF-8",
          "_line LIKE '%\uFFFD%'",
          "'the row holds bytes that are not UTF-8 (shown as \uFFFD): save " + file.fileName()
              + " as UTF-8 and send it again'",
          List.of(Edit.set(0, file.columns().get(2), "Jos\uFFFD")), false));
      rules.add(new Rule(p + "-04", ERROR, file, file.columns(),
          "a value is longer than 1,000 characters",
          "_longest > 1000",
          "format_string('a value is %d characters long; no field of the return is longer than 1,000 (a missing"
              + " quote can swallow the rest of the file)', _longest)",
          List.of(Edit.set(0, file.columns().get(2), "x".repeat(1001))), false));
      rules.add(new Rule(p + "-20", WARNING, file, file.columns(),
          "a value was written with spaces around it or in lower case",
          "size(" + WrittenValue.CHANGED + ") > 0",
          "format_string('read without the spaces around and in capitals: %s', "
              + WrittenValue.changes() + ")",
          List.of(Edit.set(0, "la_code", " s12000023")), false));
      String line = String.join(",", EXAMPLE.get(file).get(0));
      rules.add(new Rule(p + "-21", ERROR, file, file.columns(),
          "the row has more fields than the header",
          "_fields > " + ReturnContext.HEADER_FIELDS,
          "format_string('the row has %d fields and the header %d: a value holding a comma needs double quotes"
              + " around it (\"OTHER, LA\"), or the row has a value too many', _fields, " + ReturnContext.HEADER_FIELDS
              + ")",
          List.of(Edit.set(0, ReturnContext.CORRUPT, line + ",LA")), false));
      rules.add(new Rule(p + "-22", WARNING, file, file.columns(),
          "the row has fewer fields than the header (the missing ones are read as empty)",
          "_fields < " + ReturnContext.HEADER_FIELDS,
          "format_string('the row has %d fields and the header %d: the missing fields at its end are read as empty',"
              + " _fields, " + ReturnContext.HEADER_FIELDS + ")",
          List.of(Edit.set(0, ReturnContext.CORRUPT, line.substring(0, line.lastIndexOf(',')))), false));
    }
    children(rules);
    episodes(rules);
    placements(rules);
    legalReasons(rules);
    permanence(rules);
    return Collections.unmodifiableList(rules);
  }

  private static String notADate(String column) {
    return "format_string('" + column + " %s is not a date (expected YYYY-MM-DD)', coalesce(" + column
        + ", '(empty)'))";
  }

  private static String notInList(String column, String list) {
    return "format_string('" + column + " %s is not in the code list (" + list.replace("'", "") + ")', coalesce("
        + column + ", '(empty)'))";
  }

  private static void children(List<Rule> rules) {
    rules.add(new Rule("CH-05", ERROR, CHILDREN, List.of("child_id"), "child_id is missing",
        "child_id IS NULL", "'child_id is empty: every row needs the child''s identifier'",
        List.of(Edit.set(1, "child_id", "")), false));
    rules.add(new Rule("CH-06", ERROR, CHILDREN, List.of("dob"), "dob is missing or not a date",
        "_dob IS NULL", notADate("dob"), List.of(Edit.set(0, "dob", "2012-02-30")), true));
    rules.add(new Rule("CH-07", ERROR, CHILDREN, List.of("dob"), "dob is before 1900 or after the snapshot",
        "_dob < DATE'1900-01-01' OR _dob > _snapshot",
        "format_string('dob %s is after the snapshot %s or before 1900', dob, _snapshot)",
        List.of(Edit.set(1, "dob", "1899-12-31")), false));
    rules.add(new Rule("CH-08", ERROR, CHILDREN, List.of("sex"), "sex is not in the code list",
        "sex IS NULL OR sex NOT IN (" + SEX + ")", notInList("sex", SEX), List.of(Edit.set(0, "sex", "Q")), true));
    rules.add(new Rule("CH-09", ERROR, CHILDREN, List.of("ethnicity"), "ethnicity is not in the code list",
        "ethnicity IS NULL OR ethnicity NOT IN (" + ETHNICITY + ")", notInList("ethnicity", ETHNICITY),
        List.of(Edit.set(0, "ethnicity", "ZZ")), true));
    rules.add(new Rule("CH-10", ERROR, CHILDREN, List.of("disability"), "disability is not in the code list",
        "disability IS NULL OR disability NOT IN (" + DISABILITY + ")", notInList("disability", DISABILITY),
        List.of(Edit.set(0, "disability", "MAYBE")), true));
    rules.add(new Rule("CH-11", WARNING, CHILDREN, List.of("scn"), "scn is not 9 digits",
        "scn IS NOT NULL AND NOT scn RLIKE '^[0-9]{9}$'",
        "format_string('scn %s is not a Scottish Candidate Number (9 digits)', scn)",
        List.of(Edit.set(0, "scn", "12AB")), false));
    rules.add(new Rule("CH-12", ERROR, CHILDREN, List.of("child_id"), "the child is listed twice",
        "_dup", "format_string('child %s is listed more than once in children.csv', child_id)",
        List.of(Edit.add("S12000023", "2020", "C1", "123456789", "2012-03-04", "F", "WS", "N")), false));
    rules.add(new Rule("CH-13", WARNING, CHILDREN, List.of("child_id"), "the child has no episode in the return",
        "child_id IS NOT NULL AND NOT _has_episode",
        "format_string('child %s has no episode in episodes.csv', child_id)",
        List.of(Edit.add("S12000023", "2020", "C9", "", "2015-01-01", "F", "WS", "N")), false));
  }

  private static void episodes(List<Rule> rules) {
    rules.add(new Rule("EP-05", ERROR, EPISODES, List.of("child_id", "episode_id"), "child_id or episode_id is missing",
        "child_id IS NULL OR episode_id IS NULL", "'child_id or episode_id is empty'",
        List.of(Edit.set(1, "episode_id", "")), false));
    rules.add(new Rule("EP-06", ERROR, EPISODES, List.of("episode_start"), "episode_start is missing or not a date",
        "_start IS NULL", notADate("episode_start"), List.of(Edit.set(0, "episode_start", "2019-01-32")), true));
    rules.add(new Rule("EP-07", ERROR, EPISODES, List.of("episode_start"),
        "episode_start is before 1900 or after the snapshot",
        "_start < DATE'1900-01-01' OR _start > _snapshot",
        "format_string('episode_start %s is after the snapshot %s or before 1900', episode_start, _snapshot)",
        List.of(Edit.set(1, "episode_start", "2020-08-15")), false));
    rules.add(new Rule("EP-08", ERROR, EPISODES, List.of("episode_end"), "episode_end is not a date",
        "episode_end IS NOT NULL AND _end IS NULL", notADate("episode_end"),
        List.of(Edit.set(1, "episode_end", "30/11/2019")), true));
    rules.add(new Rule("EP-09", ERROR, EPISODES, List.of("episode_start", "episode_end"),
        "the episode ends before it starts", "_end < _start",
        "format_string('episode_end %s is before episode_start %s', episode_end, episode_start)",
        List.of(Edit.set(1, "episode_end", "2018-01-15")), false));
    rules.add(new Rule("EP-10", ERROR, EPISODES, List.of("episode_end"),
        "episode_end is after the snapshot (the episode was open on 31 July)", "_end > _snapshot",
        "format_string('episode_end %s is after the snapshot %s: an episode open on 31 July has no end date yet',"
            + " episode_end, _snapshot)",
        List.of(Edit.set(1, "episode_end", "2020-09-01")), false));
    rules.add(new Rule("EP-11", ERROR, EPISODES, List.of("episode_end"),
        "the episode ended before the collection year", "_end < _year_start",
        "format_string('episode_end %s is before the collection year began (%s): the episode belongs to an earlier"
            + " return only', episode_end, _year_start)",
        List.of(Edit.set(1, "episode_end", "2019-07-01")), false));
    rules.add(new Rule("EP-12", ERROR, EPISODES, List.of("episode_end", "destination"),
        "a destination is given for an open episode", "episode_end IS NULL AND destination IS NOT NULL",
        "format_string('destination %s is given but episode_end is empty', destination)",
        List.of(Edit.set(0, "destination", "HOME")), false));
    rules.add(new Rule("EP-13", ERROR, EPISODES, List.of("episode_end", "destination"),
        "an ended episode has no destination", "episode_end IS NOT NULL AND destination IS NULL",
        "format_string('episode_end %s is given but destination is empty', episode_end)",
        List.of(Edit.set(1, "destination", "")), false));
    rules.add(new Rule("EP-14", ERROR, EPISODES, List.of("destination"), "destination is not in the code list",
        "destination IS NOT NULL AND destination NOT IN (" + DESTINATION + ")", notInList("destination", DESTINATION),
        List.of(Edit.set(1, "destination", "MOON")), true));
    rules.add(new Rule("EP-15", ERROR, EPISODES, List.of("child_id"), "the child is not in children.csv",
        "child_id IS NOT NULL AND NOT _child_known",
        "format_string('child %s is not in children.csv of this return', child_id)",
        List.of(Edit.add("S12000023", "2020", "C9", "E1", "2019-02-01", "", "")), false));
    rules.add(new Rule("EP-16", ERROR, EPISODES, List.of("episode_start"), "the child was born after the episode began",
        "_dob > _start", "format_string('episode_start %s is before the child''s dob %s', episode_start, _dob)",
        List.of(Edit.set(CHILDREN, 0, "dob", "2019-02-01")), false));
    rules.add(new Rule("EP-17", ERROR, EPISODES, List.of("episode_start"), "the child was 18 or over at episode start",
        "_start >= add_months(_dob, 216)",
        "format_string('the child was 18 or over on episode_start %s (dob %s)', episode_start, _dob)",
        List.of(Edit.set(CHILDREN, 1, "dob", "2000-01-01")), false));
    rules.add(new Rule("EP-18", ERROR, EPISODES, List.of("episode_start", "episode_end"),
        "the episode overlaps the child's previous episode", "_prev_open OR _start <= _prev_end",
        "format_string('episode %s starts %s, before the child''s previous episode ended (%s)', episode_id,"
            + " episode_start, coalesce(cast(_prev_end AS STRING), 'still open'))",
        List.of(Edit.add("S12000023", "2020", "C2", "E2", "2019-06-01", "2019-12-31", "HOME")), false));
    rules.add(new Rule("EP-19", ERROR, EPISODES, List.of("child_id", "episode_id"), "the episode is listed twice",
        "_dup", "format_string('episode %s of child %s is listed more than once', episode_id, child_id)",
        List.of(Edit.add("S12000023", "2020", "C2", "E1", "2018-02-01", "2019-11-30", "HOME")), false));
    rules.add(new Rule("EP-23", ERROR, EPISODES, List.of("child_id"), "the child's row was set aside for an error",
        ReturnContext.CHILD_SET_ASIDE,
        "format_string('child %s''s row in children.csv broke an error rule and was set aside, so its episode %s is"
            + " set aside with it: correct the child''s row and send the return again', child_id, episode_id)",
        List.of(Edit.set(CHILDREN, 1, "sex", "Q")), false));
  }

  /** The rule for a row whose episode was set aside: its own row broke an error rule, or its child's did. */
  private static Rule episodeSetAside(String id, ReturnFile file, String what, Edit example) {
    return new Rule(id, ERROR, file, List.of("child_id", "episode_id"), "the " + what + "'s episode was set aside",
        ReturnContext.EPISODE_SET_ASIDE,
        "format_string('episode %s of child %s was set aside (its row in episodes.csv, or the child''s in"
            + " children.csv, broke an error rule), so this " + what + " is set aside with it: correct that row and"
            + " send the return again', episode_id, child_id)",
        List.of(example), false);
  }

  private static void placements(List<Rule> rules) {
    rules.add(new Rule("PL-05", ERROR, PLACEMENTS, List.of("placement_start"),
        "placement_start is missing or not a date", "_start IS NULL", notADate("placement_start"),
        List.of(Edit.set(0, "placement_start", "2019-13-10")), true));
    rules.add(new Rule("PL-06", ERROR, PLACEMENTS, List.of("placement_end"), "placement_end is not a date",
        "placement_end IS NOT NULL AND _end IS NULL", notADate("placement_end"),
        List.of(Edit.set(0, "placement_end", "31/12/2019")), true));
    rules.add(new Rule("PL-07", ERROR, PLACEMENTS, List.of("placement_start", "placement_end"),
        "the placement ends before it starts", "_end < _start",
        "format_string('placement_end %s is before placement_start %s', placement_end, placement_start)",
        List.of(Edit.set(0, "placement_end", "2019-01-01")), false));
    rules.add(new Rule("PL-08", ERROR, PLACEMENTS, List.of("placement_start"), "placement_start is after the snapshot",
        "_start > _snapshot",
        "format_string('placement_start %s is after the snapshot %s', placement_start, _snapshot)",
        List.of(Edit.set(1, "placement_start", "2020-08-02")), false));
    rules.add(new Rule("PL-09", ERROR, PLACEMENTS, List.of("placement_type"), "placement_type is not in the code list",
        "placement_type IS NULL OR placement_type NOT IN (" + PLACEMENT_TYPE + ")",
        notInList("placement_type", PLACEMENT_TYPE), List.of(Edit.set(0, "placement_type", "TENT")), true));
    rules.add(new Rule("PL-10", ERROR, PLACEMENTS, List.of("child_id", "episode_id"),
        "the placement's episode is not in episodes.csv", "NOT _ep_known",
        "format_string('episode %s of child %s is not in episodes.csv of this return', episode_id, child_id)",
        List.of(Edit.add("S12000023", "2020", "C1", "E7", "2019-02-01", "", "KIN")), false));
    rules.add(new Rule("PL-11", ERROR, PLACEMENTS, List.of("placement_start"), "the placement starts before its episode",
        "_start < _ep_start",
        "format_string('placement_start %s is before its episode began (%s)', placement_start, _ep_start)",
        List.of(Edit.set(0, "placement_start", "2019-01-01")), false));
    rules.add(new Rule("PL-12", ERROR, PLACEMENTS, List.of("placement_end"),
        "the placement runs on after its episode ended",
        "_ep_end IS NOT NULL AND (placement_end IS NULL OR _end > _ep_end)",
        "format_string('placement_end %s is after its episode ended (%s)', coalesce(placement_end, '(open)'), _ep_end)",
        List.of(Edit.set(2, "placement_end", "")), false));
    rules.add(new Rule("PL-13", ERROR, PLACEMENTS, List.of("placement_start", "placement_end"),
        "the placement overlaps the previous placement in its episode", "_prev_open OR _start < _prev_end",
        "format_string('placement_start %s is before the previous placement ended (%s)', placement_start,"
            + " coalesce(cast(_prev_end AS STRING), 'still open'))",
        List.of(Edit.set(1, "placement_start", "2019-05-01")), false));
    rules.add(new Rule("PL-14", ERROR, PLACEMENTS, List.of("child_id", "episode_id", "placement_start"),
        "the placement is listed twice", "_dup",
        "format_string('the placement of child %s, episode %s, starting %s is listed more than once', child_id,"
            + " episode_id, placement_start)",
        List.of(Edit.add("S12000023", "2020", "C2", "E1", "2018-02-01", "2019-11-30", "FOS_PUR")), false));
    rules.add(episodeSetAside("PL-23", PLACEMENTS, "placement", Edit.set(EPISODES, 0, "episode_start", "2019-01-32")));
  }

  private static void legalReasons(List<Rule> rules) {
    rules.add(new Rule("LR-05", ERROR, LEGAL_REASONS, List.of("legal_start"), "legal_start is missing or not a date",
        "_start IS NULL", notADate("legal_start"), List.of(Edit.set(0, "legal_start", "2019-02-29")), true));
    rules.add(new Rule("LR-06", ERROR, LEGAL_REASONS, List.of("legal_end"), "legal_end is not a date",
        "legal_end IS NOT NULL AND _end IS NULL", notADate("legal_end"),
        List.of(Edit.set(0, "legal_end", "2019-13-01")), true));
    rules.add(new Rule("LR-07", ERROR, LEGAL_REASONS, List.of("legal_start", "legal_end"),
        "the legal reason ends before it starts", "_end < _start",
        "format_string('legal_end %s is before legal_start %s', legal_end, legal_start)",
        List.of(Edit.set(0, "legal_end", "2019-01-05")), false));
    rules.add(new Rule("LR-08", ERROR, LEGAL_REASONS, List.of("legal_start"), "legal_start is after the snapshot",
        "_start > _snapshot", "format_string('legal_start %s is after the snapshot %s', legal_start, _snapshot)",
        List.of(Edit.set(1, "legal_start", "2020-08-02")), false));
    rules.add(new Rule("LR-09", ERROR, LEGAL_REASONS, List.of("legal_reason"), "legal_reason is not in the code list",
        "legal_reason IS NULL OR legal_reason NOT IN (" + LEGAL_REASON + ")", notInList("legal_reason", LEGAL_REASON),
        List.of(Edit.set(0, "legal_reason", "XYZ")), true));
    rules.add(new Rule("LR-10", ERROR, LEGAL_REASONS, List.of("child_id", "episode_id"),
        "the legal reason's episode is not in episodes.csv", "NOT _ep_known",
        "format_string('episode %s of child %s is not in episodes.csv of this return', episode_id, child_id)",
        List.of(Edit.add("S12000023", "2020", "C1", "E7", "2019-02-01", "", "S25")), false));
    rules.add(new Rule("LR-11", ERROR, LEGAL_REASONS, List.of("legal_start", "legal_end"),
        "the legal reason lies outside its episode's dates",
        "_start < _ep_start OR (_ep_end IS NOT NULL AND (legal_end IS NULL OR _end > _ep_end))",
        "format_string('legal reason %s to %s lies outside its episode (%s to %s)', legal_start,"
            + " coalesce(legal_end, '(open)'), _ep_start, coalesce(cast(_ep_end AS STRING), '(open)'))",
        List.of(Edit.set(2, "legal_end", "2019-12-15")), false));
    rules.add(new Rule("LR-12", ERROR, LEGAL_REASONS, List.of("child_id", "episode_id", "legal_start", "legal_reason"),
        "the legal reason is listed twice", "_dup",
        "format_string('legal reason %s from %s of child %s, episode %s is listed more than once', legal_reason,"
            + " legal_start, child_id, episode_id)",
        List.of(Edit.add("S12000023", "2020", "C2", "E1", "2018-02-01", "2019-11-30", "S25")), false));
    rules.add(episodeSetAside("LR-23", LEGAL_REASONS, "legal reason", Edit.set(CHILDREN, 1, "sex", "Q")));
  }

  private static void permanence(List<Rule> rules) {
    rules.add(new Rule("PM-05", ERROR, PERMANENCE, List.of("milestone"), "milestone is not in the code list",
        "milestone IS NULL OR milestone NOT IN (" + MILESTONE + ")", notInList("milestone", MILESTONE),
        List.of(Edit.set(3, "milestone", "PARTY")), true));
    rules.add(new Rule("PM-06", ERROR, PERMANENCE, List.of("route"), "route is not in the code list",
        "route IS NULL OR route NOT IN (" + ROUTE + ")", notInList("route", ROUTE),
        List.of(Edit.set(0, "route", "BOAT")), true));
    rules.add(new Rule("PM-07", ERROR, PERMANENCE, List.of("milestone_date"), "milestone_date is missing or not a date",
        "_date IS NULL", notADate("milestone_date"), List.of(Edit.set(0, "milestone_date", "2019-02-30")), true));
    rules.add(new Rule("PM-08", ERROR, PERMANENCE, List.of("milestone_date"),
        "milestone_date is before 1900 or after the snapshot", "_date < DATE'1900-01-01' OR _date > _snapshot",
        "format_string('milestone_date %s is after the snapshot %s or before 1900', milestone_date, _snapshot)",
        List.of(Edit.set(3, "milestone_date", "2020-08-03")), false));
    rules.add(new Rule("PM-09", ERROR, PERMANENCE, List.of("child_id", "episode_id"),
        "the milestone's episode is not in episodes.csv", "NOT _ep_known",
        "format_string('episode %s of child %s is not in episodes.csv of this return', episode_id, child_id)",
        List.of(Edit.add("S12000023", "2020", "C1", "E7", "REC", "2019-02-01", "HOME")), false));
    rules.add(new Rule("PM-10", ERROR, PERMANENCE, List.of("milestone_date"), "the milestone is before its episode began",
        "_date < _ep_start",
        "format_string('%s on %s is before its episode began (%s)', milestone, milestone_date, _ep_start)",
        List.of(Edit.set(3, "milestone_date", "2018-01-01")), false));
    rules.add(new Rule("PM-11", ERROR, PERMANENCE, List.of("milestone", "milestone_date"),
        "the order is granted before the permanence recommendation", "milestone = 'GRANTED' AND _date < _first_rec",
        "format_string('GRANTED on %s is before the recommendation (REC) on %s', milestone_date, _first_rec)",
        List.of(Edit.add("S12000023", "2020", "C1", "E1", "GRANTED", "2019-04-01", "PO")), false));
    rules.add(new Rule("PM-12", ERROR, PERMANENCE, List.of("milestone", "milestone_date"),
        "the agency decision is before the panel", "milestone = 'ADM' AND _date < _first_panel",
        "format_string('ADM on %s is before the panel (PANEL) on %s', milestone_date, _first_panel)",
        List.of(Edit.set(2, "milestone_date", "2019-08-20")), false));
    rules.add(new Rule("PM-13", ERROR, PERMANENCE, List.of("milestone", "milestone_date"),
        "the panel is before the permanence recommendation", "milestone = 'PANEL' AND _date < _first_rec",
        "format_string('PANEL on %s is before the recommendation (REC) on %s', milestone_date, _first_rec)",
        List.of(Edit.set(1, "milestone_date", "2019-04-20")), false));
    rules.add(new Rule("PM-14", ERROR, PERMANENCE, List.of("child_id", "episode_id", "milestone", "milestone_date"),
        "the milestone is listed twice", "_dup",
        "format_string('%s on %s of child %s, episode %s is listed more than once', milestone, milestone_date,"
            + " child_id, episode_id)",
        List.of(Edit.add("S12000023", "2020", "C2", "E1", "REC", "2019-06-01", "HOME")), false));
    rules.add(new Rule("PM-15", WARNING, PERMANENCE, List.of("milestone", "milestone_date", "route"),
        "a recommendation for an order has had no panel after 52 weeks",
        "milestone = 'REC' AND route IN ('PO', 'POA', 'ADOPTION') AND _date <= date_sub(_snapshot, 364)"
            + " AND (_last_panel IS NULL OR _last_panel < _date)",
        "format_string('the recommendation of %s for %s has had no panel in the 52 weeks since', milestone_date,"
            + " route)",
        List.of(Edit.set(1, "milestone", "LODGED")), false));
    rules.add(new Rule("PM-16", WARNING, PERMANENCE, List.of("milestone", "milestone_date"),
        "the agency decision came more than 14 days after the panel",
        "milestone = 'ADM' AND _days_after_panel > 14",
        "format_string('ADM on %s is %d days after the panel; the statutory timescale is 14', milestone_date,"
            + " _days_after_panel)",
        List.of(Edit.set(2, "milestone_date", "2019-09-30")), false));
    rules.add(episodeSetAside("PM-23", PERMANENCE, "milestone", Edit.set(CHILDREN, 1, "sex", "Q")));
  }
}
