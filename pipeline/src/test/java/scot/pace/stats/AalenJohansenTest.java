package scot.pace.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AalenJohansenTest {
  @Test
  void withoutCensoringIncidenceIsThePlainShareByEachTime() {
    List<Outcome> outcomes = List.of(new Outcome(1, 1), new Outcome(2, 2), new Outcome(2, 1), new Outcome(5, 2),
        new Outcome(7, 1));
    AalenJohansen aj = new AalenJohansen(outcomes, 2);
    assertEquals(0.2, aj.incidence(1, 1), 1e-12);
    assertEquals(0.4, aj.incidence(1, 2), 1e-12);
    assertEquals(0.2, aj.incidence(2, 2), 1e-12);
    assertEquals(0.6, aj.incidence(1, 10), 1e-12);
    assertEquals(0.4, aj.incidence(2, 10), 1e-12);
    assertEquals(0, aj.noOutcome(10), 1e-12);
  }

  @Test
  void withCensoringIncidencesAndTheRestAddToOne() {
    // Worked by hand: n=5. t=1 cause 1 (S- = 1, F1 += 1/5); t=2 censored; t=3 cause 2 with 3 at
    // risk (S- = 4/5, F2 += 4/5 * 1/3); t=4 cause 1 with 2 at risk (S- = 8/15, F1 += 8/15 * 1/2).
    List<Outcome> outcomes = List.of(new Outcome(1, 1), new Outcome(2, 0), new Outcome(3, 2), new Outcome(4, 1),
        new Outcome(6, 0));
    AalenJohansen aj = new AalenJohansen(outcomes, 2);
    assertEquals(0.2 + 4.0 / 15, aj.incidence(1, 5), 1e-12);
    assertEquals(4.0 / 15, aj.incidence(2, 5), 1e-12);
    assertEquals(4.0 / 15, aj.noOutcome(5), 1e-12);
    assertEquals(1, aj.incidence(1, 5) + aj.incidence(2, 5) + aj.noOutcome(5), 1e-12);
  }
}
