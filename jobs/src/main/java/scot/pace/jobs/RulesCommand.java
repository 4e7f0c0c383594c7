package scot.pace.jobs;

import picocli.CommandLine.Command;
import scot.pace.rules.ValidationReport;

/** {@code pace rules}: the validation rule catalogue as Markdown (docs/validation-rules.md). */
@Command(name = "rules", description = "Print the validation rule catalogue as Markdown.")
final class RulesCommand extends PaceCommand {
  @Override
  ExitCode run() {
    out().print(ValidationReport.catalogueMarkdown());
    return ExitCode.SUCCESS;
  }
}
