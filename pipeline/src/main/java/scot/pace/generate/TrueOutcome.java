package scot.pace.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import scot.pace.generate.SimulatedChild.Episode;
import scot.pace.generate.SimulatedChild.Milestone;
import scot.pace.generate.SimulatedChild.Placement;

/**
 * What really happened in one spell of a simulated child's care up to the horizon (the last
 * snapshot written), read straight off the simulation with the contract's rules, so tests can hold
 * the pipeline's spells against it. Dates after the horizon are unknown and left null. Like the
 * returns, it sees only the episodes open during a written year: an episode that ended before the
 * first one is in no return, and no pipeline could know of it.
 *
 * <p>A spell is a run of the child's episodes that ends with the first episode that has an
 * outcome (an end with a destination, or a {@code GRANTED} milestone); the next episode starts the
 * next spell. Within a spell, legal permanence is the earliest {@code GRANTED} milestone or
 * episode end with destination {@code HOME}, {@code KIN_ORDER} or {@code ADOPTED}; an exit is the
 * earliest episode end with any other destination, when it comes before permanence; otherwise the
 * spell is censored at the horizon.
 */
record TrueOutcome(
    String laCode,
    String childId,
    int spellNumber,
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
          "la_code", "child_id", "spell_number", "dob", "first_looked_after", "first_accommodated",
          "permanence_date", "permanence_route", "exit_date", "exit_kind", "censor_date",
          "age_at_entry", "placement_count", "reentered_within_12m");

  /** The child's spells, in order, as seen from {@code windowStart} to {@code horizon}. */
  static List<TrueOutcome> of(SimulatedChild child, LocalDate windowStart, LocalDate horizon) {
    List<Episode> episodes =
        child.episodes().stream().filter(e -> e.isOpenDuring(windowStart, horizon)).toList();
    List<TrueOutcome> spells = new ArrayList<>();
    List<Episode> spell = new ArrayList<>();
    for (int i = 0; i < episodes.size(); i++) {
      Episode episode = episodes.get(i);
      spell.add(episode);
      if (hasOutcome(episode, horizon) || i == episodes.size() - 1) {
        LocalDate nextStart = i + 1 < episodes.size() ? episodes.get(i + 1).start() : null;
        spells.add(spell(child, spells.size() + 1, spell, nextStart, horizon));
        spell = new ArrayList<>();
      }
    }
    return spells;
  }

  private static boolean hasOutcome(Episode episode, LocalDate horizon) {
    boolean ended = !episode.end().isAfter(horizon) && episode.destination() != null;
    return ended || episode.milestones().stream()
        .anyMatch(m -> m.milestone().equals("GRANTED") && !m.date().isAfter(horizon));
  }

  private static TrueOutcome spell(SimulatedChild child, int number, List<Episode> episodes, LocalDate nextStart,
      LocalDate horizon) {
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
    if (exit != null && permanence != null) {
      if (exit.isBefore(permanence)) {
        permanence = null;
        route = null;
      } else {
        exit = null;
        exitKind = null;
      }
    }
    LocalDate outcome = permanence != null ? permanence : exit != null ? exit : horizon;
    int placements = 0;
    for (Episode episode : episodes) {
      for (Placement placement : episode.placements()) {
        boolean before = permanence != null ? placement.start().isBefore(outcome) : !placement.start().isAfter(outcome);
        if (before) {
          placements++;
        }
      }
    }
    Episode last = episodes.get(episodes.size() - 1);
    boolean reentered = "HOME".equals(last.destination()) && !last.end().isAfter(horizon) && nextStart != null
        && !nextStart.isAfter(horizon) && !nextStart.isAfter(last.end().plusYears(1));
    return new TrueOutcome(
        child.councilCode(), child.childId(), number, child.dob(), firstLookedAfter, firstAccommodated,
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
        laCode, childId, String.valueOf(spellNumber), dob.toString(), text(firstLookedAfter), text(firstAccommodated),
        text(permanenceDate), text(permanenceRoute), text(exitDate), text(exitKind),
        text(censorDate), String.valueOf(ageAtEntry), String.valueOf(placementCount),
        String.valueOf(reenteredWithin12Months));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
