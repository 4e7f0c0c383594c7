package scot.pace.jobs;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool outside Java that a test needs (Chromium, Jupyter's nbconvert). Missing on a developer's
 * machine, the test is skipped and says what to install; missing under CI ({@code CI=true}), which
 * installs them all (.ci/run), the test fails: CI never passes by skipping.
 */
final class ExternalTool {
  private ExternalTool() {}

  static void require(boolean present, String what, String install) {
    if (present) {
      return;
    }
    String message = "this test needs " + what + ": " + install + " (.ci/run installs it)";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.assumeTrue(false, message);
  }
}
