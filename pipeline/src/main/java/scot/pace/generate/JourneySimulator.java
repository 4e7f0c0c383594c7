package scot.pace.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scot.pace.council.Council;
import scot.pace.generate.SimulatedChild.Episode;
import scot.pace.generate.SimulatedChild.LegalReason;
import scot.pace.generate.SimulatedChild.Milestone;
import scot.pace.generate.SimulatedChild.Placement;

/**
 * Simulates one child's journey through care: entry, placements, legal reasons, the permanence
 * plan's milestones, and legal permanence or a competing exit; re-entry after a return home.
 * Every episode is simulated to its real end (at the latest the 18th birthday), even beyond the
 * horizon; the return writer hides what lies after each snapshot.
 */
final class JourneySimulator {
  private static final List<String> SEX = List.of("M", "F", "X", "U");
  private static final List<Double> SEX_WEIGHTS = List.of(0.52, 0.47, 0.005, 0.005);
  private static final List<String> ETHNICITY = List.of("WS", "WB", "WO", "MX", "AS", "BL", "OT", "NK");
  private static final List<Double> ETHNICITY_WEIGHTS =
      List.of(0.75, 0.07, 0.04, 0.04, 0.03, 0.02, 0.02, 0.03);
  private static final List<String> DISABILITY = List.of("N", "Y", "NK");
  private static final List<Double> DISABILITY_WEIGHTS = List.of(0.8, 0.1, 0.1);
  private static final int[][] AGE_BAND_YEARS = {{0, 1}, {1, 5}, {5, 12}, {12, 16}, {16, 18}};
  private static final Map<String, Double> OTHER_EXITS = ordered(
      "OTHER_LA", 0.35, "OTHER", 0.22, "KIN_NO_ORDER", 0.2, "CUSTODY", 0.1, "NK", 0.1, "DIED", 0.03);
  private static final int MAX_EPISODES = 3;
  private static final int MAX_PLACEMENTS = 12;

  private final GeneratorParameters parameters;
  private final Council council;
  private final Draws draws;

  JourneySimulator(GeneratorParameters parameters, Council council, Draws draws) {
    this.parameters = parameters;
    this.council = council;
    this.draws = draws;
  }

  SimulatedChild simulate(String childId, LocalDate entry) {
    int band = draws.pickIndex(parameters.ageAtEntryBands());
    int[] years = AGE_BAND_YEARS[band];
    long ageDays = Math.round(draws.uniform(years[0] * 365.25, years[1] * 365.25 - 30));
    LocalDate dob = entry.minusDays(ageDays);
    String scn =
        draws.chance(parameters.scnKnown())
            ? String.valueOf(draws.uniformInt(100_000_000, 999_999_999))
            : null;
    String sex = SEX.get(draws.pickIndex(SEX_WEIGHTS));
    String ethnicity = ETHNICITY.get(draws.pickIndex(ETHNICITY_WEIGHTS));
    String disability = DISABILITY.get(draws.pickIndex(DISABILITY_WEIGHTS));

    List<Episode> episodes = new ArrayList<>();
    LocalDate start = entry;
    LocalDate eighteenth = dob.plusYears(18);
    while (true) {
      Episode episode = episode("E" + (episodes.size() + 1), start, dob, episodes.isEmpty());
      episodes.add(episode);
      boolean wentHome = "HOME".equals(episode.destination());
      if (!wentHome || episodes.size() >= MAX_EPISODES || !draws.chance(parameters.reentryAfterHome())) {
        break;
      }
      start = episode.end().plusDays(draws.exponentialDays(300));
      if (!start.isBefore(eighteenth.minusDays(60))) {
        break;
      }
    }
    return new SimulatedChild(
        council.code(), childId, scn, dob, sex, ethnicity, disability, List.copyOf(episodes));
  }

  private Episode episode(String episodeId, LocalDate start, LocalDate dob, boolean firstEpisode) {
    EpisodeBuilder episode = new EpisodeBuilder(episodeId, start);
    LocalDate eighteenth = dob.plusYears(18);
    LocalDate otherExit = start.plusDays(draws.exponentialDays(365.25 / parameters.otherExitsPerYear()));
    LocalDate sixteenth = dob.plusYears(16);
    LocalDate leavingAge = eighteenth;
    String leavingDestination = draws.chance(0.3) ? "CONTINUING" : "INDEPENDENT";
    if (draws.chance(0.25)) {
      LocalDate early = sixteenth.plusDays(draws.uniformInt(0, 700));
      if (early.isAfter(start) && early.isBefore(eighteenth)) {
        leavingAge = early;
        leavingDestination = "INDEPENDENT";
      }
    }
    Exit competing =
        otherExit.isBefore(leavingAge)
            ? new Exit(otherExit, draws.pick(OTHER_EXITS))
            : new Exit(leavingAge, leavingDestination);

    if (firstEpisode && draws.chance(parameters.atHomeAtEntry())) {
      atHome(episode, start, dob, competing);
    } else {
      accommodated(episode, start, dob, competing, false);
    }
    return episode.build();
  }

  private void atHome(EpisodeBuilder episode, LocalDate start, LocalDate dob, Exit competing) {
    long duration = draws.logNormalDays(parameters.atHomeMedianYears() * 365.25, 0.64);
    LocalDate planned = start.plusDays(duration);
    if (draws.chance(parameters.atHomeLaterAccommodated())) {
      LocalDate moved = start.plusDays(Math.max(1, Math.round(duration * draws.uniform(0.1, 0.9))));
      if (moved.isBefore(competing.date())) {
        episode.placement(start, moved, "HOME");
        episode.legal(start, moved, "CSO_HOME");
        accommodated(episode, moved, dob, competing, true);
        return;
      }
    }
    LocalDate end = planned.isBefore(competing.date()) ? planned : competing.date();
    String destination = planned.isBefore(competing.date()) ? "HOME" : competing.destination();
    episode.placement(start, end, "HOME");
    episode.legal(start, end, "CSO_HOME");
    if (draws.chance(0.5)) {
      LocalDate review = start.plusDays(Math.max(1, Math.round(duration * draws.uniform(0.3, 0.9))));
      if (review.isBefore(end)) {
        episode.milestone("REC", review, "HOME");
      }
    }
    episode.end(end, destination);
  }

  /**
   * An accommodated stretch from {@code from} to the episode's end: the plan's milestones, the
   * placements and legal reasons, and the end by permanence or the competing exit.
   */
  private void accommodated(
      EpisodeBuilder episode, LocalDate from, LocalDate dob, Exit competing, boolean fromHome) {
    Map<String, Double> routes = parameters.routes();
    String route = draws.pick(routes);
    double age = ChronoUnit.DAYS.between(dob, from) / 365.25;
    if (age >= 10 && (route.equals("POA") || route.equals("ADOPTION"))) {
      route = "PO";
    }
    double pace = paceEffect(from);
    double recommendationWeeks =
        parameters.weeksToRecommendationBeforePace()
            + pace * (parameters.weeksToRecommendationAfterPace() - parameters.weeksToRecommendationBeforePace());
    double stages = 1 - pace * (1 - parameters.stageSpeedUpAfterPace());
    LocalDate recommendation = from.plusDays(draws.logNormalDays(recommendationWeeks * 7, 0.45));

    List<Milestone> plan = new ArrayList<>();
    LocalDate permanence = null;
    String endDestination = null;
    LocalDate adoptersFrom = null;
    LocalDate ordersFrom = null;
    switch (route) {
      case "HOME" -> {
        plan.add(new Milestone("REC", recommendation, "HOME"));
        permanence = recommendation.plusDays(draws.logNormalDays(100 * stages, 0.6));
        endDestination = "HOME";
      }
      case "KCO" -> {
        plan.add(new Milestone("REC", recommendation, "KCO"));
        LocalDate lodged = recommendation.plusDays(draws.logNormalDays(170 * stages, 0.5));
        permanence = lodged.plusDays(draws.logNormalDays(120 * stages, 0.5));
        plan.add(new Milestone("LODGED", lodged, "KCO"));
        plan.add(new Milestone("GRANTED", permanence, "KCO"));
        endDestination = "KIN_ORDER";
      }
      case "PO", "POA", "ADOPTION" -> {
        LocalDate panel = recommendation.plusDays(draws.logNormalDays(160 * stages, 0.5));
        LocalDate decision = panel.plusDays(draws.logNormalDays(12, 0.45));
        LocalDate lodged = decision.plusDays(draws.logNormalDays(130 * stages, 0.5));
        permanence = lodged.plusDays(draws.logNormalDays(250 * stages, 0.45));
        plan.add(new Milestone("REC", recommendation, route));
        plan.add(new Milestone("PANEL", panel, route));
        plan.add(new Milestone("ADM", decision, route));
        plan.add(new Milestone("LODGED", lodged, route));
        plan.add(new Milestone("GRANTED", permanence, route));
        if (!route.equals("PO")) {
          adoptersFrom = decision.plusDays(draws.logNormalDays(60, 0.5));
          if (!adoptersFrom.isBefore(permanence)) {
            adoptersFrom = permanence.minusDays(1);
          }
        }
        if (route.equals("ADOPTION")) {
          endDestination = "ADOPTED";
        } else {
          ordersFrom = permanence;
        }
      }
      default -> {
        if (draws.chance(0.5)) {
          plan.add(new Milestone("REC", recommendation, "PO"));
        }
      }
    }

    LocalDate end;
    String destination;
    if (endDestination != null && permanence.isBefore(competing.date())) {
      end = permanence;
      destination = endDestination;
    } else if (route.equals("POA") && permanence.isBefore(competing.date()) && draws.chance(0.9)) {
      LocalDate adopted = permanence.plusDays(draws.logNormalDays(200, 0.5));
      end = adopted.isBefore(competing.date()) ? adopted : competing.date();
      destination = adopted.isBefore(competing.date()) ? "ADOPTED" : competing.destination();
    } else {
      end = competing.date();
      destination = competing.destination();
    }
    for (Milestone milestone : plan) {
      if (!milestone.date().isAfter(end)) {
        episode.milestone(milestone.milestone(), milestone.date(), milestone.route());
      }
    }
    placements(episode, from, end, route, adoptersFrom);
    legalReasons(episode, from, end, fromHome, ordersFrom != null && ordersFrom.isBefore(end) ? ordersFrom : null, route);
    episode.end(end, destination);
  }

  private void placements(
      EpisodeBuilder episode, LocalDate from, LocalDate end, String route, LocalDate adoptersFrom) {
    String type = route.equals("KCO") ? "KIN" : draws.pick(parameters.initialPlacement());
    if ((route.equals("ADOPTION") || route.equals("POA")) && type.equals("KIN")) {
      type = "FOS_LA";
    }
    LocalDate start = from;
    int count = 0;
    while (true) {
      count++;
      LocalDate limit = end;
      boolean toAdopters = adoptersFrom != null && adoptersFrom.isAfter(start) && adoptersFrom.isBefore(end);
      if (toAdopters) {
        limit = adoptersFrom;
      }
      LocalDate next = start.plusDays(draws.exponentialDays(meanStayDays(type)));
      if (route.equals("KCO") || count >= MAX_PLACEMENTS || !next.isBefore(limit)) {
        episode.placement(start, limit, type);
        if (toAdopters) {
          episode.placement(limit, end, "ADOPTERS");
        }
        return;
      }
      episode.placement(start, next, type);
      start = next;
      type = nextPlacement(type);
    }
  }

  private void legalReasons(
      EpisodeBuilder episode, LocalDate from, LocalDate end, boolean fromHome, LocalDate orderFrom, String route) {
    LocalDate until = orderFrom != null ? orderFrom : end;
    LocalDate start = from;
    if (!fromHome) {
      double kind = draws.uniform(0, 1);
      if (kind < 0.25) {
        if (draws.chance(0.5)) {
          episode.legal(start, until, "S25");
          start = until;
        } else {
          LocalDate change = minDate(start.plusDays(draws.logNormalDays(120, 0.5)), until);
          episode.legal(start, change, "S25");
          start = change;
        }
      } else {
        if (kind < 0.45) {
          LocalDate change = minDate(start.plusDays(draws.logNormalDays(7, 0.3)), until);
          episode.legal(start, change, "CPO");
          start = change;
        }
        LocalDate change = minDate(start.plusDays(draws.logNormalDays(60, 0.4)), until);
        if (change.isAfter(start)) {
          episode.legal(start, change, "ICSO");
          start = change;
        }
      }
    }
    if (start.isBefore(until)) {
      episode.legal(start, until, "CSO_AWAY");
    }
    if (orderFrom != null) {
      episode.legal(orderFrom, end, route.equals("POA") ? "POA" : "PO");
    }
  }

  private static LocalDate minDate(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static double meanStayDays(String type) {
    return switch (type) {
      case "KIN" -> 2500;
      case "FOS_LA", "FOS_PUR" -> 800;
      case "RES_LA", "RES_VOL", "RES_SCH", "RES_OTH" -> 500;
      case "SECURE" -> 90;
      case "CRISIS" -> 30;
      default -> 400;
    };
  }

  private String nextPlacement(String type) {
    return switch (type) {
      case "KIN" -> draws.pick(ordered("FOS_LA", 0.6, "KIN", 0.25, "FOS_PUR", 0.15));
      case "FOS_LA", "FOS_PUR", "COMM" -> draws.pick(ordered(
          "FOS_LA", 0.45, "FOS_PUR", 0.2, "KIN", 0.15, "RES_LA", 0.1, "COMM", 0.05, "RES_VOL", 0.05));
      case "SECURE", "CRISIS" -> draws.pick(ordered("FOS_LA", 0.5, "RES_LA", 0.5));
      default -> draws.pick(ordered(
          "FOS_LA", 0.4, "RES_LA", 0.3, "RES_VOL", 0.1, "SECURE", 0.05, "RES_SCH", 0.15));
    };
  }

  /** 0 before the council's PACE start, growing linearly to 1 over the ramp-up. */
  private double paceEffect(LocalDate date) {
    if (council.paceStart() == null || !date.isAfter(council.paceStart())) {
      return 0;
    }
    double years = ChronoUnit.DAYS.between(council.paceStart(), date) / 365.25;
    return Math.min(1, years / parameters.paceRampUpYears());
  }

  private static Map<String, Double> ordered(Object... keysAndWeights) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndWeights.length; i += 2) {
      map.put((String) keysAndWeights[i], ((Number) keysAndWeights[i + 1]).doubleValue());
    }
    return map;
  }

  private record Exit(LocalDate date, String destination) {}

  /** Collects one episode's parts in date order. */
  private static final class EpisodeBuilder {
    private final String episodeId;
    private final LocalDate start;
    private final List<Placement> placements = new ArrayList<>();
    private final List<LegalReason> legalReasons = new ArrayList<>();
    private final List<Milestone> milestones = new ArrayList<>();
    private LocalDate end;
    private String destination;

    EpisodeBuilder(String episodeId, LocalDate start) {
      this.episodeId = episodeId;
      this.start = start;
    }

    void placement(LocalDate from, LocalDate to, String type) {
      if (to.isAfter(from)) {
        placements.add(new Placement(from, to, type));
      }
    }

    void legal(LocalDate from, LocalDate to, String reason) {
      if (to.isAfter(from)) {
        legalReasons.add(new LegalReason(from, to, reason));
      }
    }

    void milestone(String milestone, LocalDate date, String route) {
      milestones.add(new Milestone(milestone, date, route));
    }

    void end(LocalDate endDate, String endDestination) {
      this.end = endDate;
      this.destination = endDestination;
    }

    Episode build() {
      return new Episode(
          episodeId, start, end, destination, List.copyOf(placements), List.copyOf(legalReasons),
          List.copyOf(milestones));
    }
  }
}
