package scot.pace.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scot.pace.lake.BronzeTables;
import scot.pace.returns.ReturnFile;

/**
 * Every rule against its worked example: the clean example return breaks no rule (the passing
 * row of every rule), and each rule's edits make it fire on a row of its file (the breaking row).
 * An injectable rule's edit breaks that rule alone, on that row alone. All examples are checked in
 * one Spark pass, one return per rule.
 */
class RuleCatalogueTest {
  static SparkSession spark;
  static Map<String, Set<String>> firedByReturn = new HashMap<>();
  static Map<String, List<String>> messagesByReturn = new HashMap<>();

  @BeforeAll
  static void validateEveryExample() {
    spark = scot.pace.SharedSpark.session();
    Map<ReturnFile, List<Row>> rows = new EnumMap<>(ReturnFile.class);
    for (ReturnFile file : ReturnFile.values()) {
      rows.put(file, new ArrayList<>());
    }
    addReturn(rows, "CLEAN", List.of());
    addReturn(rows, "INVISIBLE", List.of(Edit.set(ReturnFile.CHILDREN, 0, "sex", "F  "),
        Edit.set(ReturnFile.CHILDREN, 1, "la_code", "S1200\u00000023"), Edit.set(ReturnFile.CHILDREN, 1, "ethnicity", "W\tB")));
    for (Rule rule : RuleCatalogue.all()) {
      addReturn(rows, rule.id(), rule.example().stream().map(e -> e.file() == null
          ? new Edit(rule.file(), e.row(), e.column(), e.value(), e.values()) : e).toList());
    }
    Map<ReturnFile, Dataset<Row>> batch = Validation.batch(f -> WrittenValue.apply(f, spark.createDataFrame(rows.get(f),
        BronzeTables.schema(f).add(ReturnContext.CORRUPT, "string").add(ReturnContext.HEADER_FIELDS, "int"))));
    for (Row violation : new Validation(Map.of("S12000015", "S12000047")).violations(batch).collectAsList()) {
      firedByReturn.computeIfAbsent(violation.getString(0), k -> new HashSet<>())
          .add(violation.getAs("rule_id") + "|" + violation.getAs("file") + "|" + violation.getAs("_row_number")
              + "|" + violation.getAs("severity"));
      messagesByReturn.computeIfAbsent(violation.getString(0), k -> new ArrayList<>())
          .add(violation.getAs("rule_id") + ": " + violation.getAs("message"));
    }
  }


  @Test
  void theCatalogueHasAtLeastFortyRulesWithUniqueIds() {
    assertTrue(RuleCatalogue.all().size() >= 40, "rules: " + RuleCatalogue.all().size());
    assertEquals(RuleCatalogue.all().size(), RuleCatalogue.all().stream().map(Rule::id).distinct().count());
  }

  @Test
  void theCleanExampleBreaksNoRule() {
    assertEquals(null, firedByReturn.get("CLEAN"));
  }

  @Test
  void everyRuleFiresOnItsExample() {
    for (Rule rule : RuleCatalogue.all()) {
      Set<String> fired = firedByReturn.getOrDefault(rule.id(), Set.of());
      assertTrue(fired.stream().anyMatch(f -> f.startsWith(rule.id() + "|" + rule.file().fileName() + "|")),
          rule.id() + " did not fire on its example; fired: " + fired);
    }
  }

  @Test
  void anInjectableRuleBreaksAloneOnTheRowItChanges() {
    Set<String> followers = new HashSet<>();
    RuleCatalogue.all().stream().filter(Validation::followsASetAside).forEach(rule -> followers.add(rule.id()));
    assertEquals(Set.of("EP-23", "PL-23", "LR-23", "PM-23"), followers);
    for (Rule rule : RuleCatalogue.all()) {
      if (rule.injectable()) {
        Edit edit = rule.injection();
        // The rows of a child or an episode it sets aside go with it (the second pass's rules).
        Set<String> own = new HashSet<>(firedByReturn.get(rule.id()));
        own.removeIf(fired -> followers.contains(fired.substring(0, fired.indexOf('|'))));
        assertEquals(Set.of(rule.id() + "|" + rule.file().fileName() + "|" + (edit.row() + 2) + "|ERROR"), own,
            rule.id());
      }
    }
  }

  @Test
  void aChildSetAsideTakesItsEpisodeAndItsRowsAndAnEpisodeItsOwn() {
    // Child C2's row breaks CH-08: its episode, placement, legal reason and milestone go with it.
    assertEquals(Set.of("CH-08|children.csv|3|ERROR", "EP-23|episodes.csv|3|ERROR", "PL-23|placements.csv|4|ERROR",
        "LR-23|legal_reasons.csv|4|ERROR", "PM-23|permanence.csv|" + (rowOf(ReturnFile.PERMANENCE, "C2") + 2) + "|ERROR"),
        firedByReturn.get("LR-23"));
    // C1's episode breaks EP-06: its two placements, two legal reasons and milestones go with it; C1 stays.
    Set<String> fired = firedByReturn.get("PL-23");
    assertTrue(fired.containsAll(Set.of("EP-06|episodes.csv|2|ERROR", "PL-23|placements.csv|2|ERROR",
        "PL-23|placements.csv|3|ERROR", "LR-23|legal_reasons.csv|2|ERROR", "LR-23|legal_reasons.csv|3|ERROR",
        "PM-23|permanence.csv|2|ERROR")), fired.toString());
    assertTrue(fired.stream().noneMatch(f -> f.contains("children.csv") || f.startsWith("EP-23")), fired.toString());
    // A child listed twice keeps its first row: nothing is set aside with the second.
    assertTrue(firedByReturn.get("CH-12").stream().noneMatch(f -> f.contains("-23|")), firedByReturn.get("CH-12").toString());
  }

  private static int rowOf(ReturnFile file, String child) {
    List<List<String>> lines = RuleCatalogue.EXAMPLE.get(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).get(file.columns().indexOf("child_id")).equals(child)) {
        return i;
      }
    }
    throw new IllegalArgumentException(child);
  }

  @Test
  void messagesShowDatesAsDatesAndValuesQuotedWithInvisibleCharactersMadeVisible() {
    List<String> all = messagesByReturn.values().stream().flatMap(List::stream).toList();
    assertTrue(all.size() > RuleCatalogue.all().size(), all.toString());
    // A date shown as Spark's day number (2019-08-01 is 18109) would be a five-digit number.
    assertEquals(List.of(), all.stream().filter(m -> m.matches(".*(?<![0-9A-Za-z\\\\-])[0-9]{5}(?![0-9-]).*")).toList());
    assertTrue(messagesByReturn.get("EP-11").contains(
        "EP-11: episode_end \"2019-07-01\" is before the collection year began (2019-08-01): the episode belongs to"
            + " an earlier return only"), messagesByReturn.get("EP-11").toString());
    assertTrue(messagesByReturn.get("EP-16").stream().anyMatch(m -> m.endsWith("before the child's dob 2019-02-01")),
        messagesByReturn.get("EP-16").toString());
    List<String> invisible = messagesByReturn.get("INVISIBLE");
    assertTrue(invisible.contains("CH-20: read without the spaces around and in capitals: sex \"F\u2420\u2420\" as \"F\""),
        invisible.toString());
    assertTrue(invisible.stream().noneMatch(m -> m.startsWith("CH-08")), "\"F  \" is read as F: " + invisible);
    assertTrue(invisible.stream().anyMatch(m -> m.startsWith("CH-01: la_code \"S1200\\00023\" is not the council")),
        invisible.toString());
    assertTrue(invisible.contains("CH-09: ethnicity \"W\u2409B\" is not in the code list (WS, WB, WO, MX, AS, BL, OT, NK)"),
        invisible.toString());
  }

  @Test
  void theRuleListInTheDocsIsTheCatalogue() throws java.io.IOException {
    java.nio.file.Path docs = java.nio.file.Path.of("..", "docs", "validation-rules.md");
    assertEquals(ValidationReport.catalogueMarkdown(), java.nio.file.Files.readString(docs),
        "docs/validation-rules.md is out of date: run `java -jar jobs/target/pace-jobs.jar rules >"
            + " docs/validation-rules.md`");
  }

  static void addReturn(Map<ReturnFile, List<Row>> rows, String key, List<Edit> edits) {
    for (ReturnFile file : ReturnFile.values()) {
      List<List<String>> lines = new ArrayList<>();
      for (List<String> line : RuleCatalogue.EXAMPLE.get(file)) {
        lines.add(new ArrayList<>(line));
      }
      Map<Integer, String> unsplit = new HashMap<>();
      for (Edit edit : edits) {
        if (edit.file() != file) {
          continue;
        }
        if (ReturnContext.CORRUPT.equals(edit.column())) {
          unsplit.put(edit.row(), edit.value());
        } else if (edit.isAddition()) {
          lines.add(new ArrayList<>(edit.values()));
        } else {
          lines.get(edit.row()).set(file.columns().indexOf(edit.column()), edit.value());
        }
      }
      for (int i = 0; i < lines.size(); i++) {
        List<Object> values = new ArrayList<>();
        for (String value : lines.get(i)) {
          values.add(value.isEmpty() ? null : value);
        }
        values.add("S12000023");
        values.add(2020);
        values.add(key);
        values.add(file.fileName());
        values.add("sha");
        values.add((long) i + 2);
        values.add("test");
        values.add(Timestamp.valueOf("2026-01-01 00:00:00"));
        values.add(unsplit.get(i));
        values.add(unsplit.containsKey(i) ? file.columns().size() : null);
        rows.get(file).add(RowFactory.create(values.toArray()));
      }
    }
  }
}
