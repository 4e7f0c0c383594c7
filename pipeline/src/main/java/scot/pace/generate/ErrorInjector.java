package scot.pace.generate;

import java.util.ArrayList;
import java.util.List;
import scot.pace.returns.ReturnFile;
import scot.pace.rules.Edit;
import scot.pace.rules.Rule;
import scot.pace.rules.RuleCatalogue;

/**
 * Salts written rows with errors at a known rate, each of a kind that breaks exactly one rule of
 * the catalogue (its injectable rules), and records which row it broke with which rule, so tests
 * can check that the checker finds exactly those. Its own random stream leaves the clean data as
 * it would be without it.
 */
final class ErrorInjector {
  /** One broken row. */
  record Injected(String returnFolder, ReturnFile file, long rowNumber, String ruleId) {}

  private final double rate;
  private final Draws draws;
  private final List<Injected> injected = new ArrayList<>();

  ErrorInjector(double rate, long seed) {
    this.rate = rate;
    this.draws = new Draws(seed);
  }

  boolean isActive() {
    return rate > 0;
  }

  /**
   * Maybe breaks {@code values} (a row of {@code file}, to be written as data row
   * {@code rowNumber}, the header being row 1) in place.
   */
  void maybeBreak(String returnFolder, ReturnFile file, long rowNumber, List<String> values) {
    if (rate <= 0 || !draws.chance(rate)) {
      return;
    }
    List<Rule> applicable = new ArrayList<>();
    for (Rule rule : RuleCatalogue.forFile(file)) {
      if (rule.injectable()) {
        String current = values.get(file.columns().indexOf(rule.injection().column()));
        if (current != null && !current.isEmpty()) {
          applicable.add(rule);
        }
      }
    }
    if (applicable.isEmpty()) {
      return;
    }
    Rule rule = applicable.get(draws.uniformInt(0, applicable.size()));
    Edit edit = rule.injection();
    int column = file.columns().indexOf(edit.column());
    values.set(column, broken(values.get(column), edit.value()));
    injected.add(new Injected(returnFolder, file, rowNumber, rule.id()));
  }

  /**
   * A date becomes DD/MM/YYYY (not a date, and different for different dates, so two broken rows
   * never look like duplicates); any other value becomes the rule's example value.
   */
  private static String broken(String original, String example) {
    if (original.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return original.substring(8, 10) + "/" + original.substring(5, 7) + "/" + original.substring(0, 4);
    }
    return example;
  }

  List<Injected> injected() {
    return injected;
  }
}
