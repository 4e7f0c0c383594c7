package scot.pace.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import scot.pace.generate.SimulatedChild.Episode;
import scot.pace.generate.SimulatedChild.Milestone;
import scot.pace.generate.SimulatedChild.Placement;

/**
 * What really happened to a simulated child up to the horizon (the last snapshot written), read
 * straight off the simulation with the contract's rules, so tests can hold the pipeline's
 * journeys against it. Dates after the horizon are unknown and left null. Like the returns, it
 * sees only the episodes open during a written year: an episode that ended before the first one
 * is in no return, and no pipeline could know of it.
 *
 * <p>Legal permanence is the earliest {@code GRANTED} milestone or episode end with destination
 * {@code HOME}, {@code KIN_ORDER} or {@code ADOPTED}; an exit is the earliest episode end with
 * any other destination, when it comes before permanence; otherwise the child is censored at the
 * horizon.
 */
record TrueOutcome(
    String laCode,
    String childId,
    LocalDate dob,
    LocalDate firstLookedAfter,
    LocalDate firstAccommodated,
    LocalDate permanenceDate,
    String permanenceRoute,
    LocalDate exitDate,
    String exitKind,
    LocalDate censorDate,
    int ageAtEntry,
    int placementCount,
    boolean reenteredWithin12Months) {

  static final List<String> COLUMNS =
      List.of(
          "la_code", "child_id", "dob", "first_looked_after", "first_accommodated",
          "permanence_date", "permanence_route", "exit_date", "exit_kind", "censor_date",
          "age_at_entry", "placement_count", "reentered_within_12m");

  static TrueOutcome of(SimulatedChild child, LocalDate windowStart, LocalDate horizon) {
    List<Episode> episodes =
        child.episodes().stream().filter(e -> e.isOpenDuring(windowStart, horizon)).toList();
    LocalDate firstLookedAfter = episodes.get(0).start();
    LocalDate firstAccommodated = null;
    LocalDate permanence = null;
    String route = null;
    LocalDate exit = null;
    String exitKind = null;
    for (Episode episode : episodes) {
      for (Placement placement : episode.placements()) {
        if (!placement.type().equals("HOME") && !placement.start().isAfter(horizon)) {
          firstAccommodated = earlier(firstAccommodated, placement.start());
        }
      }
      for (Milestone milestone : episode.milestones()) {
        if (milestone.milestone().equals("GRANTED") && !milestone.date().isAfter(horizon)
            && (permanence == null || milestone.date().isBefore(permanence))) {
          permanence = milestone.date();
          route = milestone.route();
        }
      }
      if (!episode.end().isAfter(horizon)) {
        String implied = impliedRoute(episode.destination());
        if (implied != null) {
          if (permanence == null || episode.end().isBefore(permanence)) {
            permanence = episode.end();
            route = implied;
          }
        } else if (exit == null) {
          exit = episode.end();
          exitKind = episode.destination();
        }
      }
    }
    if (exit != null && permanence != null && !exit.isBefore(permanence)) {
      exit = null;
      exitKind = null;
    }
    LocalDate outcome = permanence != null ? permanence : exit != null ? exit : horizon;
    int placements = 0;
    boolean reentered = false;
    for (int i = 0; i < episodes.size(); i++) {
      Episode episode = episodes.get(i);
      for (Placement placement : episode.placements()) {
        boolean before = permanence != null ? placement.start().isBefore(outcome) : !placement.start().isAfter(outcome);
        if (before) {
          placements++;
        }
      }
      if (i + 1 < episodes.size() && "HOME".equals(episode.destination())) {
        LocalDate next = episodes.get(i + 1).start();
        if (!next.isAfter(horizon) && !next.isAfter(episode.end().plusYears(1))) {
          reentered = true;
        }
      }
    }
    return new TrueOutcome(
        child.councilCode(), child.childId(), child.dob(), firstLookedAfter, firstAccommodated,
        permanence, route, exit, exitKind, permanence == null && exit == null ? horizon : null,
        (int) ChronoUnit.YEARS.between(child.dob(), firstLookedAfter), placements, reentered);
  }

  private static LocalDate earlier(LocalDate current, LocalDate candidate) {
    return current == null || candidate.isBefore(current) ? candidate : current;
  }

  static String impliedRoute(String destination) {
    return switch (destination) {
      case "HOME" -> "HOME";
      case "KIN_ORDER" -> "KCO";
      case "ADOPTED" -> "ADOPTION";
      default -> null;
    };
  }

  List<String> values() {
    return List.of(
        laCode, childId, dob.toString(), text(firstLookedAfter), text(firstAccommodated),
        text(permanenceDate), text(permanenceRoute), text(exitDate), text(exitKind),
        text(censorDate), String.valueOf(ageAtEntry), String.valueOf(placementCount),
        String.valueOf(reenteredWithin12Months));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
