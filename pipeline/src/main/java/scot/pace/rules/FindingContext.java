package scot.pace.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a finding is about, for a data team sorting its fixes: the child and episode of its row, the
 * fields its rule reads, and whether the row is about this collection year or about history sent
 * again. A return for year {@code Y} repeats every open episode's whole history, so a rule broken
 * by a placement that ended years ago is found in every return since: the row is history when the
 * latest of its event dates (starts, ends, milestones; not a birth date) is before 1 August
 * {@code Y-1}, the first day of the collection year. A row still open (an end left empty), with no
 * such date, or with one that cannot be read as a date, counts as this year's.
 *
 * @param childId the row's child id as written, or empty
 * @param episodeId the row's episode id as written, or empty
 * @param fields the columns the rule reads, joined by spaces
 * @param history whether the row is about events before this collection year
 */
public record FindingContext(String childId, String episodeId, String fields, boolean history) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EVENT_DATES = List.of("episode_start", "episode_end", "placement_start",
      "placement_end", "legal_start", "legal_end", "milestone_date");

  /** The context of {@code finding} in the return for {@code collectionYear}. */
  public static FindingContext of(ReturnCheck.Finding finding, int collectionYear) {
    JsonNode row = parse(finding.rawRow());
    LocalDate yearStarts = LocalDate.of(collectionYear - 1, 8, 1);
    LocalDate latest = null;
    // Open (an end left empty) or with a date not read as one: counted as this year's.
    boolean open = false;
    for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey().trim().toLowerCase(java.util.Locale.ROOT);
      if (EVENT_DATES.contains(name)) {
        String value = field.getValue().isNull() ? "" : field.getValue().asText("");
        open |= name.endsWith("_end") && value.isBlank();
        LocalDate date = date(value);
        open |= !value.isBlank() && date == null;
        if (date != null && (latest == null || date.isAfter(latest))) {
          latest = date;
        }
      }
    }
    Rule rule = RuleCatalogue.byId(finding.ruleId());
    return new FindingContext(text(row, "child_id"), text(row, "episode_id"), String.join(" ", rule.fields()),
        !open && latest != null && latest.isBefore(yearStarts));
  }

  /** "history" or "this year", as the findings say it. */
  public String period() {
    return history ? "history" : "this year";
  }

  private static JsonNode parse(String rawRow) {
    try {
      return rawRow == null || rawRow.isBlank() ? JSON.createObjectNode() : JSON.readTree(rawRow);
    } catch (java.io.IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? "" : value.asText().trim();
  }

  private static LocalDate date(String text) {
    try {
      return text.isBlank() ? null : LocalDate.parse(text.trim());
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
