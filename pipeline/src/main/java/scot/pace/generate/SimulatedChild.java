package scot.pace.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * A child's whole simulated life in care, beyond any snapshot: the generator slices it into
 * annual returns and reads the true outcomes off it.
 */
record SimulatedChild(
    String councilCode,
    String childId,
    String scn,
    LocalDate dob,
    String sex,
    String ethnicity,
    String disability,
    List<Episode> episodes) {

  record Episode(
      String episodeId,
      LocalDate start,
      LocalDate end,
      String destination,
      List<Placement> placements,
      List<LegalReason> legalReasons,
      List<Milestone> milestones) {

    boolean isOpenDuring(LocalDate from, LocalDate to) {
      return !start.isAfter(to) && !end.isBefore(from);
    }
  }

  record Placement(LocalDate start, LocalDate end, String type) {}

  record LegalReason(LocalDate start, LocalDate end, String reason) {}

  record Milestone(String milestone, LocalDate date, String route) {}
}
