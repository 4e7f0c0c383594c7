package scot.pace.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Against Newcombe (1998), Statistics in Medicine 17:857-872, table II, method 3. */
class WilsonTest {
  @Test
  void matchesNewcombesWorkedExamples() {
    check(81, 263, 0.2553, 0.3662);
    check(15, 148, 0.0624, 0.1605);
    check(0, 20, 0.0, 0.1611);
    check(1, 29, 0.0061, 0.1718);
  }

  private static void check(long x, long n, double lower, double upper) {
    Interval interval = Wilson.interval(x, n, 0.95);
    assertEquals(x / (double) n, interval.estimate(), 1e-12);
    assertEquals(lower, interval.lower(), 5e-5, x + "/" + n + " lower");
    assertEquals(upper, interval.upper(), 5e-5, x + "/" + n + " upper");
  }
}
