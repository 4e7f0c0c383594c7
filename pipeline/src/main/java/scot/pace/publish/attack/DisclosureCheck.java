package scot.pace.publish.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.measure.Aim1;
import scot.pace.measure.Aim2;
import scot.pace.measure.CouncilComparison;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.TimeToPermanence;
import scot.pace.failure.InputFailure;

/**
 * {@code pace disclosure-check}: tries, as an attacker holding only the published files would,
 * every way this project knows of working a small count or a withheld cell back out of a folder
 * of outputs (the extracts, and the report's tables beside them):
 *
 * <ul>
 *   <li>a count of 1 to the threshold published as it is;
 *   <li>Scotland's count less the published councils' (one withheld council, or several whose
 *       withheld counts add up to a small one);
 *   <li>a row's parts less its total (the placement groups and {@code looked_after}; a curve
 *       point's eight outcomes and its cohort's {@code children});
 *   <li>a count that runs on through time differenced from one published point to the next, and a
 *       curve's step (one share less the one before) times its cohort;
 *   <li>a share times its base, and a base less its numerator;
 *   <li>a council's funnel limits matched against the limits table, which gives its size;
 *   <li>Scotland's p0 times the councils' sizes, less the published numerators;
 *   <li>the same cell in the report's tables and in the extracts, withheld in one only.
 * </ul>
 *
 * Each finding names the file, the cell and the route. None means none of these routes gives
 * anything back; it is not a proof that no other route does.
 */
public final class DisclosureCheck {
  static final String SCOTLAND = "S92000003";
  private static final double EXACT = 1e-6;

  /** What can be worked out, from where, and how. */
  public record Finding(Path file, String cell, String route, long value) {
    @Override
    public String toString() {
      return file + ": " + cell + " = " + value + " (" + route + ")";
    }
  }

  /** The attacker's reading of a table's dictionary: its keys (besides the council) and its counts. */
  private record Shape(String table, List<String> keys, List<String> counts) {}

  private static final List<String> POINT_COUNTS = List.of("events_children", "left_care_children",
      "waiting_children", "censored_children");
  private static final List<String> ROUTE_COUNTS = List.of("home_children", "kco_children", "po_children",
      "poa_children", "adoption_children");
  private static final List<String> POINT_SHARES = List.of("home", "kco", "po", "poa", "adoption", "left_care",
      "still_waiting", "within");
  private static final List<String> PLACEMENTS = List.of("at_home", "kinship", "foster", "adopters", "residential",
      "other_community", "no_placement");
  private static final List<String> COHORT = List.of("population", "cohort_year", "age_band");

  private static final List<Shape> SHAPES = List.of(
      new Shape(TimeToPermanence.SUMMARY, COHORT, List.of("children", "events", "competing", "censored",
          "naive_followed_2y", "naive_followed_4y", "naive_reached")),
      new Shape(TimeToPermanence.POINTS, List.of("population", "cohort_year", "age_band", "days"),
          concat(POINT_COUNTS, ROUTE_COUNTS)),
      new Shape(TimeToPermanence.ROUTES, List.of("population", "cohort_year", "age_band", "outcome", "years"),
          List.of("children")),
      new Shape(KinshipShare.TABLE, List.of("collection_year"), concat(List.of("looked_after"), PLACEMENTS)),
      new Shape(KinshipShare.PERMANENCE_TABLE, List.of("population", "cohort_year"),
          List.of("permanence_reached", "through_kinship")),
      new Shape(Aim1.TABLE, List.of("cohort_year"), List.of("orders", "followed_2y", "still_on_2y", "rec_by_2y")),
      new Shape(Aim2.TABLE, List.of("cohort_year"), List.of("children", "recommended")),
      new Shape(LaterStages.TABLE, List.of("stage", "year"), List.of("children")),
      new Shape(RunChart.MONTHS, List.of("measure", "month", "phase"), List.of("points")),
      new Shape(RunChart.PHASES, List.of("measure", "phase", "against"), List.of("children")),
      new Shape(CouncilComparison.TABLE, List.of("measure", "year"), List.of("numerator", "denominator")));

  private final DisclosureControl sdc;
  private final List<Finding> findings = new ArrayList<>();

  private DisclosureCheck(DisclosureControl sdc) {
    this.sdc = sdc;
  }

  /** Every finding in the CSV files under {@code folder}. */
  public static List<Finding> of(Path folder, DisclosureControl sdc) {
    if (!Files.isDirectory(folder)) {
      throw new InputFailure(folder + " is not a folder: give the folder of outputs to check");
    }
    DisclosureCheck check = new DisclosureCheck(sdc);
    Map<Path, Map<String, PublishedCsv>> byFolder = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv") && Files.isRegularFile(f)).sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        byFolder.computeIfAbsent(file.getParent(), p -> new LinkedHashMap<>()).put(name, PublishedCsv.read(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + folder + ": " + e.getMessage(), e);
    }
    List<Map<String, PublishedCsv>> extracts = byFolder.values().stream()
        .filter(tables -> tables.keySet().stream().anyMatch(t -> t.startsWith("gold_"))).toList();
    for (Map<String, PublishedCsv> tables : extracts) {
      check.extracts(tables);
    }
    for (Map<String, PublishedCsv> tables : byFolder.values()) {
      check.reportTables(tables, extracts);
    }
    return List.copyOf(check.findings);
  }

  // ------------------------------------------------------------------------------------ extracts

  private void extracts(Map<String, PublishedCsv> tables) {
    for (Shape shape : SHAPES) {
      PublishedCsv csv = tables.get(shape.table());
      if (csv == null) {
        continue;
      }
      List<String> counts = shape.counts().stream().filter(csv.header()::contains).toList();
      publishedSmall(csv, counts);
      scotlandLessCouncils(csv, shape.keys(), counts);
    }
    PublishedCsv summary = tables.get(TimeToPermanence.SUMMARY);
    Map<List<String>, Double> cohorts = new LinkedHashMap<>();
    if (summary != null) {
      for (Map<String, String> row : summary.rows()) {
        cohorts.put(List.of(row.get("population"), row.get("council"), row.get("cohort_year"),
            row.getOrDefault("age_band", "all")), PublishedCsv.number(row.get("children")));
      }
    }
    PublishedCsv kinship = tables.get(KinshipShare.TABLE);
    if (kinship != null) {
      for (int i = 0; i < kinship.rows().size(); i++) {
        partsLessTotal(kinship, i, PLACEMENTS, PublishedCsv.number(kinship.rows().get(i).get("looked_after")),
            "looked_after");
      }
    }
    PublishedCsv points = tables.get(TimeToPermanence.POINTS);
    if (points != null) {
      for (int i = 0; i < points.rows().size(); i++) {
        Map<String, String> row = points.rows().get(i);
        partsLessTotal(points, i, POINT_COUNTS, cohorts.get(cohortKey(row)), "the cohort's children");
        partsLessTotal(points, i, ROUTE_COUNTS, PublishedCsv.number(row.get("events_children")), "events_children");
      }
      alongTime(points, List.of("population", "council", "cohort_year", "age_band"), "days",
          concat(POINT_COUNTS, ROUTE_COUNTS), cohorts);
      curveSteps(points, POINT_SHARES, cohorts);
    }
    PublishedCsv routes = tables.get(TimeToPermanence.ROUTES);
    if (routes != null) {
      alongTime(routes, List.of("population", "council", "cohort_year", "age_band", "outcome"), "years",
          List.of("children"), Map.of());
    }
    PublishedCsv curves = tables.get(TimeToPermanence.CURVES);
    if (curves != null) {
      curveSteps(curves, List.of("within", "left_care", "home", "kco", "po", "poa", "adoption"), cohorts);
    }
    shares(tables, cohorts);
    funnelLimits(tables.get(CouncilComparison.TABLE), tables.get(CouncilComparison.LIMITS_TABLE));
    scotlandShare(tables.get(CouncilComparison.TABLE));
  }

  private static List<String> cohortKey(Map<String, String> row) {
    return List.of(row.get("population"), row.get("council"), row.get("cohort_year"), row.getOrDefault("age_band", "all"));
  }

  private void publishedSmall(PublishedCsv csv, List<String> counts) {
    for (int i = 0; i < csv.rows().size(); i++) {
      for (String column : counts) {
        Double value = PublishedCsv.number(csv.rows().get(i).get(column));
        if (value != null && sdc.isSmall(Math.round(value))) {
          add(csv, i, column, "published as it is", Math.round(value));
        }
      }
    }
  }

  private void scotlandLessCouncils(PublishedCsv csv, List<String> keys, List<String> counts) {
    if (!csv.header().contains("council")) {
      return;
    }
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < csv.rows().size(); i++) {
      Map<String, String> row = csv.rows().get(i);
      groups.computeIfAbsent(keys.stream().map(k -> row.getOrDefault(k, "")).toList(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : groups.values()) {
      Integer scotland = group.stream().filter(i -> SCOTLAND.equals(csv.rows().get(i).get("council"))).findFirst()
          .orElse(null);
      if (scotland == null) {
        continue;
      }
      for (String column : counts) {
        Double total = PublishedCsv.number(csv.rows().get(scotland).get(column));
        if (total == null) {
          continue;
        }
        List<Integer> hidden = new ArrayList<>();
        double published = 0;
        for (int i : group) {
          if (i == scotland) {
            continue;
          }
          String value = csv.rows().get(i).get(column);
          if (PublishedCsv.withheld(value)) {
            hidden.add(i);
          } else if (PublishedCsv.number(value) != null) {
            published += PublishedCsv.number(value);
          }
        }
        recovered(csv, hidden, column, Math.round(total - published), "Scotland less the published councils");
      }
    }
  }

  private void partsLessTotal(PublishedCsv csv, int index, List<String> parts, Double total, String totalName) {
    if (total == null) {
      return;
    }
    Map<String, String> row = csv.rows().get(index);
    List<String> hidden = new ArrayList<>();
    double published = 0;
    for (String part : parts) {
      String value = row.get(part);
      if (PublishedCsv.withheld(value)) {
        hidden.add(part);
      } else if (PublishedCsv.number(value) != null) {
        published += PublishedCsv.number(value);
      }
    }
    long rest = Math.round(total - published);
    if (hidden.size() == 1) {
      add(csv, index, hidden.get(0), totalName + " less the other parts", rest);
    } else if (hidden.size() > 1 && sdc.isSmall(rest)) {
      add(csv, index, String.join("+", hidden), totalName + " less the other parts", rest);
    }
  }

  private void alongTime(PublishedCsv csv, List<String> series, String along, List<String> counts,
      Map<List<String>, Double> cohorts) {
    Map<List<String>, List<Integer>> byCurve = new LinkedHashMap<>();
    for (int i = 0; i < csv.rows().size(); i++) {
      Map<String, String> row = csv.rows().get(i);
      byCurve.computeIfAbsent(series.stream().map(k -> row.getOrDefault(k, "")).toList(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> curve : byCurve.values()) {
      curve.sort(Comparator.comparingDouble(i -> PublishedCsv.number(csv.rows().get(i).get(along))));
      for (String column : counts) {
        if (!csv.header().contains(column)) {
          continue;
        }
        Double start = column.equals("waiting_children") ? cohorts.get(cohortKey(csv.rows().get(curve.get(0)))) : null;
        Double last = start;
        for (int i : curve) {
          Double value = PublishedCsv.number(csv.rows().get(i).get(column));
          if (value == null) {
            continue;
          }
          if (last != null && sdc.isSmall(Math.round(Math.abs(value - last)))) {
            add(csv, i, column + " less the point before", "differenced along time",
                Math.round(Math.abs(value - last)));
          }
          last = value;
        }
      }
    }
  }

  /** A curve's step, one share less the one before, times the cohort: a whole small count is a count. */
  private void curveSteps(PublishedCsv csv, List<String> shares, Map<List<String>, Double> cohorts) {
    Map<List<String>, List<Integer>> byCurve = new LinkedHashMap<>();
    for (int i = 0; i < csv.rows().size(); i++) {
      byCurve.computeIfAbsent(cohortKey(csv.rows().get(i)), k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<List<String>, List<Integer>> curve : byCurve.entrySet()) {
      Double children = cohorts.get(curve.getKey());
      if (children == null || children == 0) {
        continue;
      }
      List<Integer> rows = new ArrayList<>(curve.getValue());
      rows.sort(Comparator.comparingDouble(i -> PublishedCsv.number(csv.rows().get(i).get("days"))));
      for (String column : shares) {
        if (!csv.header().contains(column)) {
          continue;
        }
        double last = column.equals("still_waiting") ? 1 : 0;
        for (int i : rows) {
          Double value = PublishedCsv.number(csv.rows().get(i).get(column));
          if (value == null) {
            continue;
          }
          double count = Math.abs(value - last) * children;
          long whole = Math.round(count);
          if (Math.abs(count - whole) < EXACT && sdc.isSmall(whole)) {
            add(csv, i, column + " less the point before, times the cohort", "a curve's step", whole);
          }
          last = value;
        }
      }
    }
  }

  private void shares(Map<String, PublishedCsv> tables, Map<List<String>, Double> cohorts) {
    share(tables.get(CouncilComparison.TABLE), "proportion", "denominator", "numerator");
    share(tables.get(Aim1.TABLE), "still_on_2y_share", "followed_2y", "still_on_2y");
    share(tables.get(Aim1.TABLE), "rec_by_2y_share", "still_on_2y", "rec_by_2y");
    share(tables.get(Aim1.TABLE), "km_still_on_2y", "orders", null);
    share(tables.get(Aim2.TABLE), null, "children", "recommended");
    share(tables.get(Aim2.TABLE), "within_26w", "children", null);
    share(tables.get(KinshipShare.PERMANENCE_TABLE), "kinship_route_share", "permanence_reached", "through_kinship");
    for (String group : PLACEMENTS) {
      share(tables.get(KinshipShare.TABLE), group + "_share", "looked_after", group);
    }
    for (String naive : List.of("naive_within_2y", "naive_over_4y")) {
      share(tables.get(TimeToPermanence.SUMMARY), naive, naive.contains("2y") ? "naive_followed_2y"
          : "naive_followed_4y", null);
    }
    for (String figure : List.of("within_2y", "within_4y", "left_care_2y", "left_care_4y", "still_waiting_2y",
        "still_waiting_4y")) {
      share(tables.get(TimeToPermanence.SUMMARY), figure, "children", null);
    }
    share(tables.get(LaterStages.TABLE), "within_target", "children", null);
  }

  /** A share times its base gives its numerator; a base less its numerator gives the rest. */
  private void share(PublishedCsv csv, String share, String base, String numerator) {
    if (csv == null || !csv.header().contains(base) || (share != null && !csv.header().contains(share))) {
      return;
    }
    for (int i = 0; i < csv.rows().size(); i++) {
      Map<String, String> row = csv.rows().get(i);
      Double n = PublishedCsv.number(row.get(base));
      if (n == null) {
        continue;
      }
      Double x = numerator == null ? null : PublishedCsv.number(row.get(numerator));
      if (x != null && sdc.isSmall(Math.round(n - x))) {
        add(csv, i, base + " less " + numerator, "a base less its numerator", Math.round(n - x));
      }
      Double p = share == null ? null : PublishedCsv.number(row.get(share));
      if (p == null) {
        continue;
      }
      double count = p * n;
      long whole = Math.round(count);
      if (Math.abs(count - whole) >= EXACT) {
        continue;
      }
      if (numerator != null && PublishedCsv.withheld(row.get(numerator))) {
        add(csv, i, numerator, share + " times " + base, whole);
      } else if (sdc.isSmall(whole)) {
        add(csv, i, share + " times " + base, "a share times its base", whole);
      } else if (sdc.isSmall(Math.round(n) - whole)) {
        add(csv, i, base + " less " + share + " times " + base, "a share times its base", Math.round(n) - whole);
      }
    }
  }

  private void funnelLimits(PublishedCsv comparison, PublishedCsv limits) {
    if (comparison == null || limits == null) {
      return;
    }
    List<String> columns = List.of("lower_95", "upper_95", "lower_998", "upper_998");
    Map<List<String>, List<String>> sizes = new LinkedHashMap<>();
    for (Map<String, String> row : limits.rows()) {
      List<String> key = new ArrayList<>(List.of(row.get("measure"), row.get("year")));
      columns.forEach(c -> key.add(row.get(c)));
      sizes.computeIfAbsent(key, k -> new ArrayList<>()).add(row.get("n"));
    }
    for (int i = 0; i < comparison.rows().size(); i++) {
      Map<String, String> row = comparison.rows().get(i);
      if (!PublishedCsv.withheld(row.get("denominator")) || !comparison.header().contains("lower_95")) {
        continue;
      }
      List<String> key = new ArrayList<>(List.of(row.get("measure"), row.get("year")));
      columns.forEach(c -> key.add(row.get(c)));
      List<String> n = sizes.get(key);
      if (n != null && n.size() == 1) {
        add(comparison, i, "denominator, whose limits are those of one size in " + limits.file().getFileName(),
            "a council's funnel limits", Long.parseLong(n.get(0)));
      }
    }
  }

  private void scotlandShare(PublishedCsv comparison) {
    if (comparison == null || !comparison.header().contains("p0")) {
      return;
    }
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < comparison.rows().size(); i++) {
      Map<String, String> row = comparison.rows().get(i);
      groups.computeIfAbsent(List.of(row.get("measure"), row.get("year")), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : groups.values()) {
      double sizes = 0;
      double published = 0;
      Double p0 = null;
      List<Integer> hidden = new ArrayList<>();
      boolean allSizes = true;
      for (int i : group) {
        Map<String, String> row = comparison.rows().get(i);
        Double n = PublishedCsv.number(row.get("denominator"));
        Double x = PublishedCsv.number(row.get("numerator"));
        p0 = PublishedCsv.number(row.get("p0"));
        allSizes &= n != null;
        sizes += n == null ? 0 : n;
        if (x == null) {
          hidden.add(i);
        } else {
          published += x;
        }
      }
      if (!allSizes || p0 == null) {
        continue;
      }
      double total = p0 * sizes;
      if (Math.abs(total - Math.round(total)) < EXACT) {
        recovered(comparison, hidden, "numerator", Math.round(total - published), "Scotland's p0 times the sizes");
      }
    }
  }

  /** Withheld cells whose total is known: one is recovered; several adding to a small count give that count. */
  private void recovered(PublishedCsv csv, List<Integer> hidden, String column, long rest, String route) {
    if (hidden.size() == 1) {
      add(csv, hidden.get(0), column, route, rest);
    } else if (hidden.size() > 1 && sdc.isSmall(rest)) {
      add(csv, hidden.get(0), column + " of " + hidden.size() + " withheld rows together", route, rest);
    }
  }

  // ------------------------------------------------------------------------------- report tables

  private void reportTables(Map<String, PublishedCsv> tables, List<Map<String, PublishedCsv>> extracts) {
    for (Map.Entry<String, PublishedCsv> entry : tables.entrySet()) {
      PublishedCsv csv = entry.getValue();
      if (entry.getKey().startsWith("comparison_") && csv.header().contains("of whom")) {
        share(csv, null, "children", "of whom");
        sameCells(csv, entry.getKey().substring("comparison_".length()), extracts);
      } else if (entry.getKey().equals("aim2") && csv.header().contains("recommended")) {
        share(csv, null, "children accommodated", "recommended");
      }
    }
  }

  /** A report comparison table's counts against the extract's cells for the same councils. */
  private void sameCells(PublishedCsv report, String measure, List<Map<String, PublishedCsv>> extracts) {
    for (Map<String, PublishedCsv> tables : extracts) {
      PublishedCsv comparison = tables.get(CouncilComparison.TABLE);
      PublishedCsv councils = tables.get(OutputCatalogue.COUNCILS);
      if (comparison == null || councils == null) {
        continue;
      }
      Map<String, String> codes = new LinkedHashMap<>();
      councils.rows().forEach(r -> codes.put(r.get("council_name"), r.get("council")));
      for (int i = 0; i < report.rows().size(); i++) {
        Map<String, String> line = report.rows().get(i);
        String code = codes.get(line.get("council"));
        for (Map<String, String> row : comparison.rows()) {
          if (!measure.equals(row.get("measure")) || !"true".equals(row.get("latest")) || !row.get("council").equals(code)) {
            continue;
          }
          for (String[] pair : new String[][] {{"children", "denominator"}, {"of whom", "numerator"}}) {
            String shown = line.get(pair[0]);
            String extract = row.get(pair[1]);
            if (PublishedCsv.withheld(shown) != PublishedCsv.withheld(extract)) {
              long value = Math.round(PublishedCsv.withheld(shown) ? PublishedCsv.number(extract)
                  : PublishedCsv.number(shown));
              add(report, i, pair[0] + ", withheld here or in " + comparison.file().getFileName() + " only",
                  "the same cell in two files", value);
            }
          }
        }
      }
    }
  }

  private void add(PublishedCsv csv, int row, String column, String route, long value) {
    Map<String, String> values = csv.rows().get(row);
    String where = values.entrySet().stream().limit(5).map(e -> e.getKey() + "=" + e.getValue())
        .reduce((a, b) -> a + ", " + b).orElse("");
    findings.add(new Finding(csv.file(), "line " + (row + 2) + " (" + where + "): " + column, route, value));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
