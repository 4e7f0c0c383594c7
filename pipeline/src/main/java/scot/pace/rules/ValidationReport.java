package scot.pace.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import scot.pace.files.Folders;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.ReturnId;

/**
 * The reports of a checked return: a short text summary (rows, errors and warnings by rule, the
 * first examples of each), a CSV of every finding, and a self-contained HTML page. Also renders
 * the rule catalogue as Markdown for {@code docs/validation-rules.md}.
 */
public final class ValidationReport {
  private static final int EXAMPLES = 3;
  private static final String THIS_YEAR = "About this collection year:";
  private static final String HISTORY = "About history sent again (every event of the row ended before this collection"
      + " year; fixed once in the council's system, it is right in the next return too):";

  private ValidationReport() {}

  public static String summary(ReturnCheck.Result result) {
    StringBuilder text = new StringBuilder();
    text.append("Return ").append(result.returnName()).append('\n');
    if (result.unreadable() != null) {
      return text.append("cannot be read: ").append(result.unreadable().message()).append('\n').toString();
    }
    for (ReturnFile file : ReturnFile.values()) {
      text.append(String.format(Locale.ROOT, "  %-18s %,9d rows%n", file.fileName(), result.rowsRead().get(file)));
    }
    for (String note : result.notes()) {
      text.append("  note: ").append(note).append('\n');
    }
    text.append(String.format(Locale.ROOT, "%,d errors (rows set aside), %,d warnings%n", result.errors(),
        result.warnings()));
    Findings findings = findings(result);
    Map<ReturnCheck.Finding, FindingContext> about = findings.contexts();
    FindingCauses causes = findings.causes();
    String following = following(result, causes);
    if (!following.isEmpty()) {
      text.append(following).append('\n');
    }
    for (boolean history : new boolean[] {false, true}) {
      Map<String, List<ReturnCheck.Finding>> rules = byRule(result, about, history);
      if (rules.isEmpty()) {
        continue;
      }
      text.append(String.format(Locale.ROOT, "%n%s%n", history ? HISTORY : THIS_YEAR));
      for (Map.Entry<String, List<ReturnCheck.Finding>> rule : rules.entrySet()) {
        Rule definition = RuleCatalogue.byId(rule.getKey());
        text.append(String.format(Locale.ROOT, "%n%s %s (%s), %,d %s: %s%n", rule.getKey(), definition.severity(),
            definition.file().fileName(), rule.getValue().size(), rule.getValue().size() == 1 ? "row" : "rows",
            definition.summary()));
        for (ReturnCheck.Finding finding : rule.getValue().subList(0, Math.min(EXAMPLES, rule.getValue().size()))) {
          text.append(String.format(Locale.ROOT, "  %s row %d: %s%s%n", finding.file(), finding.row(), finding.message(),
              causes.of(finding).isEmpty() ? "" : " [set aside by " + causes.describe(finding) + "]"));
        }
      }
    }
    return text.toString();
  }

  /** Writes {@code findings.csv} and {@code report.html} into {@code folder}, replacing it whole. */
  public static void write(ReturnCheck.Result result, Path folder) {
    Path partial = folder.resolveSibling("." + folder.getFileName() + ".partial");
    Folders.deleteRecursively(partial);
    Folders.create(partial);
    try {
      StringBuilder csv = new StringBuilder(
          "file,row,rule_id,severity,period,child_id,episode_id,fields,set_aside_by,message,raw_row\n");
      Findings findings = findings(result);
      Map<ReturnCheck.Finding, FindingContext> contexts = findings.contexts();
      FindingCauses causes = findings.causes();
      for (ReturnCheck.Finding f : result.findings()) {
        FindingContext about = contexts.get(f);
        csv.append(String.join(",", csv(f.file()), String.valueOf(f.row()), f.ruleId(), f.severity().name(),
            about.period(), csv(about.childId()), csv(about.episodeId()), csv(about.fields()),
            csv(causes.describe(f)), csv(f.message()), csv(f.rawRow()))).append('\n');
      }
      Files.writeString(partial.resolve("findings.csv"), csv, StandardCharsets.UTF_8);
      Files.writeString(partial.resolve("report.html"), html(result, contexts, causes), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + partial, e);
    }
    Folders.moveIntoPlace(partial, folder);
  }

  static String html(ReturnCheck.Result result, Map<ReturnCheck.Finding, FindingContext> contexts,
      FindingCauses causes) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Return check: ")
        .append(escape(result.returnName())).append("</title>\n<style>body{font-family:sans-serif;margin:2em;"
            + "max-width:70em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;"
            + "padding:.3em .6em;text-align:left;vertical-align:top}th{background:#eee}.ERROR{color:#a00}"
            + ".WARNING{color:#a60}code{font-size:.85em;word-break:break-all}</style></head><body>\n");
    page.append("<h1>Return check: ").append(escape(result.returnName())).append("</h1>\n");
    if (result.unreadable() != null) {
      page.append("<p class=\"ERROR\">The return cannot be read: ").append(escape(result.unreadable().message()))
          .append("</p>\n</body></html>\n");
      return page.toString();
    }
    page.append(String.format(Locale.ROOT, "<p><strong>%,d errors</strong> (rows that would be set aside) and "
        + "<strong>%,d warnings</strong>.</p>%n", result.errors(), result.warnings()));
    page.append("<table><tr><th>file</th><th>rows</th></tr>\n");
    for (ReturnFile file : ReturnFile.values()) {
      page.append("<tr><td>").append(file.fileName()).append("</td><td>")
          .append(String.format(Locale.ROOT, "%,d", result.rowsRead().get(file))).append("</td></tr>\n");
    }
    page.append("</table>\n");
    for (String note : result.notes()) {
      page.append("<p>").append(escape(note)).append("</p>\n");
    }
    String following = following(result, causes);
    if (!following.isEmpty()) {
      page.append("<p>").append(escape(following)).append("</p>\n");
    }
    for (boolean history : new boolean[] {false, true}) {
      Map<String, List<ReturnCheck.Finding>> rules = byRule(result, contexts, history);
      if (rules.isEmpty()) {
        continue;
      }
      page.append("<h2>").append(escape(history ? HISTORY : THIS_YEAR)).append("</h2>\n<table><tr><th>rule</th>"
          + "<th>severity</th><th>file</th><th>rows</th><th>what it checks</th><th>first examples</th></tr>\n");
      for (Map.Entry<String, List<ReturnCheck.Finding>> rule : rules.entrySet()) {
        Rule definition = RuleCatalogue.byId(rule.getKey());
        page.append("<tr><td>").append(rule.getKey()).append("</td><td class=\"").append(definition.severity())
            .append("\">").append(definition.severity()).append("</td><td>").append(definition.file().fileName())
            .append("</td><td>").append(rule.getValue().size()).append("</td><td>")
            .append(escape(definition.summary())).append("</td><td>");
        for (ReturnCheck.Finding f : rule.getValue().subList(0, Math.min(EXAMPLES, rule.getValue().size()))) {
          FindingContext about = contexts.get(f);
          page.append("row ").append(f.row()).append(about.childId().isEmpty() ? "" : ", child " + escape(about.childId()))
              .append(about.episodeId().isEmpty() ? "" : ", episode " + escape(about.episodeId())).append(": ")
              .append(escape(f.message()))
              .append(causes.of(f).isEmpty() ? "" : " <strong>Set aside by " + escape(causes.describe(f)) + ".</strong>")
              .append("<br><code>").append(escape(f.rawRow())).append("</code><br>");
        }
        page.append("</td></tr>\n");
      }
      page.append("</table>\n");
    }
    page.append("<p>Every finding is in findings.csv beside this page, with its child, episode, the fields its rule"
        + " reads, the errors that set it aside when it broke no rule of its own, and whether it is about this"
        + " collection year or history.</p>\n</body></html>\n");
    return page.toString();
  }

  /** The catalogue as Markdown: the text of {@code docs/validation-rules.md}. */
  public static String catalogueMarkdown() {
    StringBuilder text = new StringBuilder();
    text.append("# Validation rules\n\n")
        .append("Generated from the rule catalogue (`scot.pace.rules.RuleCatalogue`) by\n")
        .append("`java -jar jobs/target/pace-jobs.jar rules > docs/validation-rules.md`; a test fails when this\n")
        .append("file and the catalogue differ. An ERROR sets the row aside in quarantine; a WARNING keeps it and\n")
        .append("reports it. ").append(RuleCatalogue.all().size()).append(" rules.\n\n")
        .append("A return that cannot be read at all (a file missing or empty, a column of the contract missing\n")
        .append("from a header or named twice, a zip whose entries would land outside its folder, an unknown\n")
        .append("council code, the same council and year given twice, a collection year before 1990 or one\n")
        .append("whose snapshot on 31 July has not yet passed) is rejected whole, with the path and the reason,\n")
        .append("and the other returns still load. Columns the contract does not know are ignored and reported.\n")
        .append("So is a file or return folder that is a symbolic link (nothing outside a return is ever read), a\n")
        .append("file saved as UTF-16, and a file separated by semicolons, tabs or vertical bars instead of commas:\n")
        .append("the reason says which, and what to change.\n\n")
        .append("What is normalised, not refused:\n\n")
        .append("- header names are matched to the contract's without regard to case or the spaces around them\n")
        .append("  (`Child_ID ` is `child_id`);\n")
        .append("- every value is read without the spaces, tabs or no-break spaces around it and in capitals, and a\n")
        .append("  value left blank is empty: every column is a code, an identifier, a date or a number, so this\n")
        .append("  changes nothing a value means, and `c0000109` and `C0000109 ` are one child. The rules check, and\n")
        .append("  the bronze tables hold, the values so read; a row with a value written otherwise gets the warning\n")
        .append("  `..-20` naming each value as written and as read, and the quarantine keeps the row as it arrived;\n")
        .append("- a council's own codes, where the configuration's `codeMappings` gives them.\n\n")
        .append("Messages show each value in double quotes with the characters a page would hide made visible\n")
        .append("(a space at either end as `\u2420`, a tab as `\u2409`, a NUL byte as `\\0`), and dates as dates.\n")
        .append("A row with more fields than its header (a value holding an unquoted comma) is set aside (`..-21`);\n")
        .append("one with fewer is kept, its missing fields empty, with a warning (`..-22`).\n\n")
        .append("Nothing is loaded without the row it hangs on. A child all of whose rows in a return are set\n")
        .append("aside takes its episodes in that return with it (`EP-23`), and an episode all of whose rows are\n")
        .append("set aside, for its own errors or its child's, takes its placements, legal reasons and milestones\n")
        .append("(`PL-23`, `LR-23`, `PM-23`): each is in quarantine with the reason, and counted there.\n");
    for (ReturnFile file : ReturnFile.values()) {
      text.append("\n## ").append(file.fileName()).append("\n\n| id | severity | fields | rule |\n|---|---|---|---|\n");
      for (Rule rule : RuleCatalogue.forFile(file)) {
        String fields = rule.fields().size() == file.columns().size() ? "any" : String.join(", ", rule.fields());
        text.append("| ").append(rule.id()).append(" | ").append(rule.severity()).append(" | ").append(fields)
            .append(" | ").append(rule.summary()).append(" |\n");
      }
    }
    return text.toString();
  }

  /**
   * How many errors only follow from others, and how many rows to fix for them: "12 of the 30
   * errors are rows set aside only because their episode or child was: they go when the 3 errors
   * that set them aside are fixed (set_aside_by in findings.csv)."; empty when none.
   */
  static String following(ReturnCheck.Result result, FindingCauses causes) {
    long following = result.findings().stream().filter(causes::follows).count();
    if (following == 0) {
      return "";
    }
    int roots = causes.roots().size();
    return String.format(Locale.ROOT, "%,d of the %,d errors are rows set aside only because their episode or child"
        + " was: they go when the %,d %s that set them aside %s fixed (set_aside_by in findings.csv).", following,
        result.errors(), roots, roots == 1 ? "error" : "errors", roots == 1 ? "is" : "are");
  }

  /** The findings about this collection year ({@code history} false) or about history, by rule. */
  private static Map<String, List<ReturnCheck.Finding>> byRule(ReturnCheck.Result result,
      Map<ReturnCheck.Finding, FindingContext> contexts, boolean history) {
    Map<String, List<ReturnCheck.Finding>> byRule = new TreeMap<>();
    for (ReturnCheck.Finding finding : result.findings()) {
      if (contexts.get(finding).history() == history) {
        byRule.computeIfAbsent(finding.ruleId(), k -> new ArrayList<>()).add(finding);
      }
    }
    return new LinkedHashMap<>(byRule);
  }

  /** What each finding is about, and which errors set it aside: worked out once for a report. */
  private record Findings(Map<ReturnCheck.Finding, FindingContext> contexts, FindingCauses causes) {}

  private static Findings findings(ReturnCheck.Result result) {
    // A return not named as one has no collection year: every finding counts as this year's.
    int year = ReturnId.fromName(result.returnName()).map(ReturnId::collectionYear).orElse(9999);
    Map<ReturnCheck.Finding, FindingContext> contexts = new java.util.IdentityHashMap<>();
    // Each reads its row's JSON.
    result.findings().forEach(finding -> contexts.put(finding, FindingContext.of(finding, year)));
    // The causes follow the child and episode ids, which the periods set below leave as they are.
    FindingCauses causes = FindingCauses.of(result.findings(), contexts);
    // A row set aside by another's error is about what that error is about: fixing this year's
    // episode date brings back its old placements too, so they are listed with this year's.
    for (ReturnCheck.Finding finding : result.findings()) {
      List<ReturnCheck.Finding> by = causes.of(finding);
      if (!by.isEmpty()) {
        FindingContext own = contexts.get(finding);
        boolean history = by.stream().allMatch(cause -> contexts.get(cause).history());
        contexts.put(finding, new FindingContext(own.childId(), own.episodeId(), own.fields(), history));
      }
    }
    return new Findings(contexts, causes);
  }

  private static String csv(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  private static String escape(String value) {
    return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
