package scot.pace.rules;

import java.util.List;
import java.util.Objects;
import scot.pace.returns.ReturnFile;

/**
 * One validation rule: data, not code. Its condition is a Spark SQL expression over a row of its
 * file, with the context columns {@link ReturnContext} adds (typed dates, the folder's council and
 * year, the row's episode and child); it is true when the row breaks the rule. Its message is a
 * Spark SQL expression that names the value and what was expected.
 *
 * @param id stable identifier, e.g. {@code EP-07}
 * @param severity error (quarantine) or warning (kept, reported)
 * @param file the file it reads
 * @param fields the columns it reads
 * @param summary one line, for the rule list
 * @param condition true when the row breaks the rule
 * @param message the message for a row that breaks it
 * @param example edits to the clean example return that break it on the row they touch
 * @param injectable whether {@code generate --inject-errors} may break rows this way: a single
 *     value of {@code example}, applied to a row whose value is not empty, that breaks no other
 *     rule
 */
public record Rule(
    String id,
    Severity severity,
    ReturnFile file,
    List<String> fields,
    String summary,
    String condition,
    String message,
    List<Edit> example,
    boolean injectable) {

  public Rule {
    Objects.requireNonNull(id);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(file);
    fields = List.copyOf(fields);
    example = List.copyOf(example);
    if (injectable && (example.size() != 1 || example.get(0).isAddition())) {
      throw new IllegalArgumentException(id + ": an injectable rule's example is one changed value");
    }
  }

  /** The column an injected error changes, and the value it writes. */
  public Edit injection() {
    if (!injectable) {
      throw new IllegalStateException(id + " is not injectable");
    }
    return example.get(0);
  }
}
