package scot.pace.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scot.pace.publish.attack.DisclosureCheck;

/**
 * {@code pace disclosure-check FOLDER}: the attacks of {@link DisclosureCheck} on a folder of
 * outputs about to be handed on. Exit 0: nothing found; 1: something can be worked out (listed).
 */
@Command(
    name = "disclosure-check",
    description = "Try every known way of working a count of 1 to the threshold, or a withheld cell, back out of the"
        + " CSV files under FOLDER (a report, an export, extracts you made by hand) and list what can be."
        + " Exit 0: nothing found, 1: something can be worked out, 2: FOLDER cannot be read.")
final class DisclosureCheckCommand extends PaceCommand {
  @Parameters(index = "0", paramLabel = "FOLDER", description = "The folder of outputs to check.")
  Path folder;

  @Option(names = "--show", paramLabel = "N", defaultValue = "20",
      description = "How many findings to print in full (all are counted; default 20).")
  int show;

  @Override
  ExitCode run() {
    PaceConfig config = common.load();
    List<DisclosureCheck.Finding> findings = DisclosureCheck.of(folder, config.disclosure());
    if (findings.isEmpty()) {
      out().println("Nothing under " + folder + " gives back a count of 1 to " + config.disclosure().threshold()
          + " or a withheld cell by any route this check knows (see docs/measures.md, disclosure control).");
      return ExitCode.SUCCESS;
    }
    Map<String, Integer> byRoute = new TreeMap<>();
    findings.forEach(f -> byRoute.merge(f.route(), 1, Integer::sum));
    out().println(findings.size() + " cells under " + folder + " can be worked out:");
    byRoute.forEach((route, count) -> out().printf("  %6d  %s%n", count, route));
    out().println();
    findings.stream().limit(show).forEach(f -> out().println("  " + f));
    if (findings.size() > show && show > 0) {
      out().println("  ... and " + (findings.size() - show) + " more (--show " + findings.size() + " lists them all)");
    }
    return ExitCode.FINDINGS;
  }
}
