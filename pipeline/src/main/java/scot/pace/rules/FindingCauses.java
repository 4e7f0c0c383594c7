package scot.pace.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import scot.pace.returns.ReturnFile;

/**
 * Which errors set each row aside that broke no rule of its own. One bad date in an episode sets
 * aside the episode and, with it, its placements, legal reasons and milestones: four errors, one
 * fix. A row set aside with its episode ({@code PL-23}, {@code LR-23}, {@code PM-23}) is caused by
 * its episode's own errors, or by the errors that set that episode aside in turn; an episode set
 * aside with its child ({@code EP-23}) by the child's errors in {@code children.csv}. The errors
 * that cause nothing else are the rows to fix.
 */
public final class FindingCauses {
  static final Set<String> FOLLOWING = Set.of("EP-23", "PL-23", "LR-23", "PM-23");

  private final Map<ReturnCheck.Finding, List<ReturnCheck.Finding>> causes = new IdentityHashMap<>();

  private FindingCauses() {}

  /** Links the findings of one return, given what each is about. */
  public static FindingCauses of(List<ReturnCheck.Finding> findings, Map<ReturnCheck.Finding, FindingContext> about) {
    Map<String, List<ReturnCheck.Finding>> childErrors = new LinkedHashMap<>();
    Map<String, List<ReturnCheck.Finding>> episodeErrors = new LinkedHashMap<>();
    for (ReturnCheck.Finding finding : findings) {
      if (finding.severity() != Severity.ERROR || FOLLOWING.contains(finding.ruleId())) {
        continue;
      }
      FindingContext context = about.get(finding);
      if (finding.file().equals(ReturnFile.CHILDREN.fileName())) {
        childErrors.computeIfAbsent(context.childId(), k -> new ArrayList<>()).add(finding);
      } else if (finding.file().equals(ReturnFile.EPISODES.fileName())) {
        episodeErrors.computeIfAbsent(episode(context), k -> new ArrayList<>()).add(finding);
      }
    }
    FindingCauses links = new FindingCauses();
    for (ReturnCheck.Finding finding : findings) {
      if (!FOLLOWING.contains(finding.ruleId())) {
        continue;
      }
      FindingContext context = about.get(finding);
      List<ReturnCheck.Finding> by = new ArrayList<>();
      if (!finding.ruleId().equals("EP-23")) {
        by.addAll(episodeErrors.getOrDefault(episode(context), List.of()));
      }
      by.addAll(childErrors.getOrDefault(context.childId(), List.of()));
      links.causes.put(finding, List.copyOf(by));
    }
    return links;
  }

  private static String episode(FindingContext context) {
    return context.childId() + "\u0000" + context.episodeId();
  }

  /** The errors that set {@code finding}'s row aside; empty for a row that broke a rule of its own. */
  public List<ReturnCheck.Finding> of(ReturnCheck.Finding finding) {
    return causes.getOrDefault(finding, List.of());
  }

  /** Whether the row was set aside only because another was. */
  public boolean follows(ReturnCheck.Finding finding) {
    return causes.containsKey(finding);
  }

  /** The causes as a reader finds them: "episodes.csv row 3 (EP-05); ...". */
  public String describe(ReturnCheck.Finding finding) {
    return String.join("; ", of(finding).stream().map(c -> c.file() + " row " + c.row() + " (" + c.ruleId() + ")")
        .toList());
  }

  /** The errors that set at least one other row aside, with how many each did. */
  public Map<ReturnCheck.Finding, Integer> roots() {
    Map<ReturnCheck.Finding, Integer> roots = new IdentityHashMap<>();
    causes.values().forEach(list -> list.forEach(cause -> roots.merge(cause, 1, Integer::sum)));
    return roots;
  }
}
