package scot.pace.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.JFreeChart;
import scot.pace.catalogue.Output;
import scot.pace.catalogue.OutputCatalogue;
import scot.pace.chart.Caterpillar;
import scot.pace.chart.ChartGrid;
import scot.pace.chart.ChartStyle;
import scot.pace.chart.ChartWriter;
import scot.pace.chart.FunnelPlot;
import scot.pace.chart.KinshipTrend;
import scot.pace.chart.PermanenceCurve;
import scot.pace.chart.RouteIncidence;
import scot.pace.chart.RunChartPlot;
import scot.pace.chart.ShareTrends;
import scot.pace.chart.StageIntervals;
import scot.pace.chart.StillWaitingBars;
import scot.pace.disclosure.DisclosureControl;
import scot.pace.files.Folders;
import scot.pace.lake.Lake;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.ComparedMeasure;
import scot.pace.measure.DataDictionary;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.TimeToPermanence;
import scot.pace.publish.ProtectedRow;
import scot.pace.publish.Publication;
import scot.pace.report.ReportData.CouncilInfo;
import scot.pace.stats.IntervalMethod;
import scot.pace.stats.RunRules;

/**
 * {@code pace charts}: the published report and the councils' restricted reports, drawn from the
 * gold tables.
 *
 * <ul>
 *   <li>{@code <out>/report/}: published. {@code index.html}, the national page (councils compared
 *       on every proportion measure by caterpillar and funnel plot, time to permanence, routes,
 *       kinship, later stages, every council's run chart of monthly medians with its verdict, the
 *       PACE councils beside those with no start), and {@code councils/<code>.html}, one page per
 *       council with its measures across the years; every number through {@link
 *       DisclosureControl}; no child-level point.
 *   <li>{@code <out>/restricted/<code>/}: each council's own child-level charts (the run chart
 *       with a dot per child behind the months, the children still waiting), not for publication.
 * </ul>
 *
 * Each is written to a temporary folder beside it and renamed into place, so a crash leaves the
 * last complete report, never half of one.
 */
public final class Report {
  public static final String PUBLISHED = "report";
  public static final String RESTRICTED = "restricted";
  static final String GLOSSARY = "glossary.html";

  private final ReportData data;
  private final DisclosureControl sdc;
  private final String footnote;
  private int files;

  private final Provenance provenance;

  private Report(ReportData data, DisclosureControl sdc, Provenance provenance) {
    this.data = data;
    this.sdc = sdc;
    this.provenance = provenance;
    this.footnote = "Source: annual looked after children returns of the councils, collection years " + data.firstYear()
        + " to " + data.lastYear() + "; latest snapshot " + day(data.latestSnapshot()) + ". Counts of 1 to "
        + sdc.threshold() + " children and figures that would reveal them are suppressed: [c].";
  }

  /** What was written, and the protected rows it was written from. */
  public record Summary(Path published, Path restricted, int files, long bytes, int councils, Publication publication) {}

  /**
   * Fails, before anything is drawn, unless {@code lake} holds every table the build writes
   * ({@code spark} may be null for a local lake: the check then needs no Spark).
   */
  public static void requireBuilt(SparkSession spark, Lake lake) {
    ReportData.requireBuilt(spark, lake);
  }

  /** Protects the gold tables of {@code lake} and writes both reports under {@code out}. */
  public static Summary write(SparkSession spark, Lake lake, DisclosureControl sdc, Path out, Provenance provenance) {
    return write(spark, lake, Publication.of(spark, lake, sdc), sdc, out, provenance);
  }

  /**
   * Writes both reports under {@code out}: the published one from {@code publication} only, the
   * restricted one with each council's child-level rows from {@code lake}; every page names
   * {@code provenance}.
   */
  public static Summary write(SparkSession spark, Lake lake, Publication publication, DisclosureControl sdc, Path out,
      Provenance provenance) {
    ReportData data = ReportData.read(spark, lake, publication);
    Report report = new Report(data, sdc, provenance);
    Path published = out.resolve(PUBLISHED);
    Path restricted = out.resolve(RESTRICTED);
    try {
      Files.createDirectories(out);
      Path publishedTemp = Folders.aside(published);
      Path restrictedTemp = Folders.aside(restricted);
      report.writeNational(publishedTemp);
      data.councils().parallelStream().forEach(council -> {
        report.writeCouncil(publishedTemp, council);
        report.writeRestricted(restrictedTemp.resolve(council.code()), council);
      });
      Folders.swapIn(publishedTemp, published);
      Folders.swapIn(restrictedTemp, restricted);
      Folders.Contents one = Folders.contents(published);
      Folders.Contents other = Folders.contents(restricted);
      return new Summary(published, restricted, one.files() + other.files(), one.bytes() + other.bytes(),
          data.councils().size(), publication);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report under " + out + ": " + e.getMessage(), e);
    }
  }

  /** A page whose title is followed by the run that made it. */
  private HtmlPage page(String title) {
    return new HtmlPage(title, provenance.line(day(data.latestSnapshot())));
  }

  static String day(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
  }

  static String pct(double share) {
    return Double.isNaN(share) ? "" : String.format(Locale.UK, "%.1f%%", 100 * share);
  }

  private void chart(JFreeChart chart, Path folder, String name) {
    ChartWriter.write(chart, folder, name);
  }

  private void chart(JFreeChart chart, int height, Path folder, String name) {
    ChartWriter.write(chart, height, folder, name);
  }

  private void chart(ChartGrid grid, Path folder, String name) {
    ChartWriter.write(grid, folder, name);
  }

  // ---------------------------------------------------------------- national page

  private void writeNational(Path root) {
    HtmlPage page = page("Permanence for looked after children in Scotland: councils compared");
    page.paragraph("Children looked after by Scotland's councils, from the councils' annual returns for "
        + data.firstYear() + " to " + data.lastYear() + ", latest snapshot " + day(data.latestSnapshot())
        + ". Published figures: counts of 1 to " + sdc.threshold() + " children, and any figure that would reveal "
        + "one, are shown as [c]; a council's page gives its own figures.");
    page.raw("<p>What every measure and column means: <a href=\"" + GLOSSARY + "\">the glossary</a>.</p>");
    writeKeyPoints(page);
    page.heading(2, "Councils").links(data.councils().stream()
        .map(c -> new String[] {"councils/" + c.code() + ".html", c.name()}).toList());
    Path charts = root.resolve("charts");
    Path tables = root.resolve("tables");
    page.heading(2, "Councils compared");
    page.paragraph("For each measure, the latest year in which every child could be followed for the whole "
        + "window. Scotland's share is the target; funnel limits are exact binomial at 95% and 99.8% (Spiegelhalter "
        + "2005), dashed where widened for the ordinary spread between councils.");
    for (ComparedMeasure measure : ComparedMeasure.ALL) {
      writeComparison(page, charts, tables, measure);
    }
    writeCurves(page, charts, tables, CohortOutcomes.SCOTLAND, "Scotland");
    writeRoutes(page, charts, tables, CohortOutcomes.SCOTLAND, "Scotland");
    writeKinship(page, charts, tables, CohortOutcomes.SCOTLAND, "Scotland");
    writeStages(page, charts, tables, CohortOutcomes.SCOTLAND, "Scotland");
    writeRunVerdicts(page, charts, tables);
    writePaceGroups(page, charts, tables);
    page.write(root.resolve("index.html"));
    writeGlossary(root);
  }

  /**
   * Key points in words, from the comparison the page shows below: for each measure, Scotland's
   * share in the latest complete year and how many councils are outside the 99.8% limits (allowing
   * for overdispersion where the councils are overdispersed), counting only the flags published.
   */
  private void writeKeyPoints(HtmlPage page) {
    List<String> points = new ArrayList<>();
    for (ComparedMeasure measure : ComparedMeasure.ALL) {
      List<ProtectedRow> rows = data.comparison().stream().filter(r -> r.<String>key("measure").equals(measure.measure()))
          .toList();
      if (rows.isEmpty()) {
        continue;
      }
      int year = rows.get(0).key("year");
      Double p0 = rows.get(0).get("p0");
      boolean overdispersed = rows.get(0).key("overdispersed");
      String flag = overdispersed ? "flag_998_adjusted" : "flag_998";
      long above = rows.stream().filter(r -> !r.isWithheld(flag) && "above".equals(r.get(flag))).count();
      long below = rows.stream().filter(r -> !r.isWithheld(flag) && "below".equals(r.get(flag))).count();
      String when = measure.atSnapshot() ? "at 31 July " + year : "of the " + cohort(year) + " cohort";
      points.add(capital(measure.title()) + ": " + (p0 == null ? "not published" : pct(p0)) + " of Scotland's "
          + (measure.atSnapshot() ? "looked after children " : "children ")
          + when + "; " + councils(above) + " above and " + councils(below) + " below the 99.8% limits"
          + (overdispersed ? " (widened for the ordinary spread between councils)." : "."));
    }
    if (points.isEmpty()) {
      return;
    }
    page.heading(2, "Key points");
    StringBuilder list = new StringBuilder("<ul>\n");
    points.forEach(point -> list.append("<li>").append(HtmlPage.escape(point)).append("</li>\n"));
    page.raw(list.append("</ul>").toString());
  }

  /** Columns and their meanings as a table, without Markdown's backticks. */
  private static List<List<String>> definitions(Map<String, String> columns) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("column", "meaning"));
    columns.forEach((column, meaning) -> rows.add(List.of(column, meaning.replace("`", ""))));
    return rows;
  }

  private static String councils(long n) {
    return n == 0 ? "no council" : n == 1 ? "1 council" : n + " councils";
  }

  /** The definitions of every published table and its columns, from docs/measures.md, shipped beside the pages. */
  private void writeGlossary(Path root) {
    HtmlPage page = page("Glossary: the published tables and what their columns mean");
    page.raw("<p><a href=\"index.html\">Scotland and all councils</a></p>");
    DataDictionary dictionary = DataDictionary.load();
    // The child key is in the lake's restricted tables only, never in anything published.
    Map<String, String> shared = new LinkedHashMap<>(dictionary.commonColumns());
    shared.remove("child_key");
    page.heading(2, "Columns many tables share").textTable("Columns many tables share", definitions(shared));
    for (Output output : OutputCatalogue.published()) {
      dictionary.table(output.table()).ifPresent(table -> page.heading(2, table.name())
          .paragraph(table.description().replace("`", ""))
          .textTable("The columns of " + table.name(), definitions(table.columns())));
    }
    page.write(root.resolve(GLOSSARY));
  }

  private void writeComparison(HtmlPage page, Path charts, Path tables, ComparedMeasure compared) {
    String measure = compared.measure();
    String label = compared.label();
    List<ProtectedRow> rows = data.comparison().stream().filter(r -> r.<String>key("measure").equals(measure)).toList();
    if (rows.isEmpty()) {
      page.heading(3, capital(label)).paragraph("No year is complete for this measure yet.");
      return;
    }
    int year = rows.get(0).key("year");
    Double p0 = rows.get(0).get("p0");
    boolean overdispersed = rows.get(0).key("overdispersed");
    Map<String, String> names = names();
    List<Caterpillar.Share> shares = new ArrayList<>();
    List<FunnelPlot.Point> points = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("council", "children", "of whom", "share", "95% interval", "flag 95%", "flag 99.8%",
        "flag 99.8%, allowing for overdispersion", "rank (95% interval)"));
    int hidden = 0;
    String c = DisclosureControl.SUPPRESSED;
    for (ProtectedRow row : rows.stream().sorted(Comparator.comparing(r -> names.get(r.<String>key("council")))).toList()) {
      String name = names.get(row.<String>key("council"));
      Double p = row.get("proportion");
      Long n = row.get("denominator");
      boolean publishable = p != null;
      shares.add(new Caterpillar.Share(name, publishable ? p : Double.NaN, nan(row.get("wilson_lower")),
          nan(row.get("wilson_upper")), publishable));
      if (publishable && n != null) {
        points.add(new FunnelPlot.Point(name, n, p, !row.<String>get("flag_95").equals("within")));
      }
      if (!publishable) {
        hidden++;
      }
      table.add(List.of(name, countCell(row, "denominator"), countCell(row, "numerator"),
          publishable ? pct(p) : c,
          publishable ? pct(row.get("wilson_lower")) + " to " + pct(row.get("wilson_upper")) : c,
          textCell(row, "flag_95"), textCell(row, "flag_998"), textCell(row, "flag_998_adjusted"),
          row.isWithheld("rank") ? c
              : row.get("rank") + " (" + row.get("rank_lower") + " to " + row.get("rank_upper") + ")"));
    }
    List<FunnelPlot.Limits> limits = new ArrayList<>();
    for (ProtectedRow row : data.limits()) {
      int n = row.key("n");
      // Every size to 100, then about 100 points per tenfold: the line is as smooth, the SVG smaller.
      if (row.<String>key("measure").equals(measure) && (n <= 100 || n % Math.max(1, n / 100) == 0)
          && row.get("lower_95") != null) {
        limits.add(new FunnelPlot.Limits(n, row.get("lower_95"), row.get("upper_95"),
            row.get("lower_998"), row.get("upper_998"), row.get("od_lower_95"), row.get("od_upper_95"),
            row.get("od_lower_998"), row.get("od_upper_998")));
      }
    }
    String when = compared.atSnapshot() ? "31 July " + year : "children of the " + cohort(year) + " cohort";
    String hiddenNote = hidden == 0 ? "" : " " + hidden + " council(s) not shown: [c].";
    page.heading(3, capital(label) + ", " + when);
    if (p0 == null) {
      page.paragraph("Scotland's share is withheld ([c]): so few children had, or had not, this outcome that it would"
          + " give a count away. No chart is drawn.");
      page.table(capital(label) + ", " + when, table);
      HtmlPage.writeCsv(tables.resolve("comparison_" + measure + ".csv"), table);
      return;
    }
    chart(Caterpillar.draw("Councils compared: " + label, capital(when) + "; each council with its 95% interval",
        footnote + hiddenNote, "share", shares, p0), charts, "caterpillar_" + measure);
    page.figure("charts/caterpillar_" + measure, "Caterpillar chart: " + label + " by council, " + when,
        "Councils sorted by the share, with 95% Wilson intervals; Scotland's share as the dashed line.",
        "tables/comparison_" + measure + ".csv");
    chart(FunnelPlot.draw("Funnel plot: " + label, capital(when) + "; limits around Scotland's share",
        footnote + hiddenNote, "share", points, limits, p0, overdispersed), charts, "funnel_" + measure);
    page.figure("charts/funnel_" + measure, "Funnel plot: " + label + ", " + when,
        "Each council's share against its number of children; councils outside the 95% limits named. "
            + (overdispersed ? "The councils vary more than chance allows, so the dashed (widened) limits are the ones to judge by."
            : "The councils vary no more than chance allows: judge by the exact limits."),
        "tables/comparison_" + measure + ".csv");
    page.table(capital(label) + ", " + when, table);
    HtmlPage.writeCsv(tables.resolve("comparison_" + measure + ".csv"), table);
  }

  /** A count as published: [c] when withheld, empty when there is none. */
  private static String countCell(ProtectedRow row, String column) {
    if (row.isWithheld(column)) {
      return DisclosureControl.SUPPRESSED;
    }
    Number value = row.get(column);
    return value == null ? "" : String.format(Locale.UK, "%,d", value.longValue());
  }

  /** A share as published: [c] when withheld, empty when there is none. */
  private static String shareCell(ProtectedRow row, String column) {
    if (row == null) {
      return "";
    }
    if (row.isWithheld(column)) {
      return DisclosureControl.SUPPRESSED;
    }
    Double value = row.get(column);
    return value == null ? "" : pct(value);
  }

  private static String textCell(ProtectedRow row, String column) {
    if (row.isWithheld(column)) {
      return DisclosureControl.SUPPRESSED;
    }
    Object value = row.get(column);
    return value == null ? "" : value.toString();
  }

  /** A measure's year as the pages name it: a cohort as "2021-22 cohort", a snapshot as "31 July 2022". */
  private static String yearLabel(ComparedMeasure measure, int year) {
    return measure.atSnapshot() ? "31 July " + year : cohort(year) + " cohort";
  }

  private static String cohort(int year) {
    return (year - 1) + "-" + String.valueOf(year).substring(2);
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(CohortOutcomes.SCOTLAND, "Scotland");
    for (CouncilInfo council : data.councils()) {
      names.put(council.code(), council.name());
    }
    return names;
  }

  // ---------------------------------------------------------------- time to permanence

  private PermanenceCurve.Curve curve(String council, int cohortYear, String label) {
    List<ProtectedRow> rows = data.curvesByCohort(council).get(cohortYear);
    ProtectedRow summary = data.summary(council, cohortYear);
    if (rows == null || summary == null || summary.get("children") == null || summary.<Long>get("children") == 0) {
      return null;
    }
    List<PermanenceCurve.Step> steps = new ArrayList<>();
    for (ProtectedRow row : rows) {
      Double within = row.get("within");
      if (within != null) {
        steps.add(new PermanenceCurve.Step(row.key("days"), within, nan(row.get("within_lower")),
            nan(row.get("within_upper"))));
      }
    }
    return steps.isEmpty() ? null : new PermanenceCurve.Curve(label, steps);
  }

  private static double nan(Double value) {
    return value == null ? Double.NaN : value;
  }

  private void writeCurves(HtmlPage page, Path charts, Path tables, String council, String name) {
    int cohort = data.latestFourYearCohort();
    page.heading(2, "Time to legal permanence: " + name);
    List<PermanenceCurve.Curve> compared = new ArrayList<>();
    PermanenceCurve.Curve own = curve(council, cohort, name);
    if (own != null) {
      compared.add(own);
    }
    if (!council.equals(CohortOutcomes.SCOTLAND)) {
      PermanenceCurve.Curve scotland = curve(CohortOutcomes.SCOTLAND, cohort, "Scotland");
      if (scotland != null) {
        compared.add(scotland);
      }
    }
    String note = own == null ? " " + name + "'s cohort is too small to show: [c]." : "";
    chart(PermanenceCurve.draw("Children reaching legal permanence: " + name,
            "Children first accommodated in " + cohort(cohort) + ", cumulative incidence with 95% bands", footnote + note,
            compared, true), charts, "permanence_" + cohort);
    page.figure("charts/permanence_" + cohort, "Share of children first accommodated in " + cohort(cohort)
            + " reaching legal permanence over the years since, " + name,
        "The share of children who reached legal permanence by each time (Aalen-Johansen cumulative incidence, with "
            + "95% pointwise bands). Leaving care without permanence competes: a child who left is counted as not "
            + "reaching it; only children still in care at the latest return are censored.",
        "tables/time_to_permanence.csv");
    Map<Integer, List<ProtectedRow>> byCohort = data.curvesByCohort(council);
    List<Integer> years = byCohort.keySet().stream().filter(y -> y <= cohort).toList();
    List<PermanenceCurve.Curve> change = new ArrayList<>();
    int step = Math.max(1, (int) Math.ceil(years.size() / 5.0));
    for (int i = years.size() - 1; i >= 0 && change.size() < 5; i -= step) {
      PermanenceCurve.Curve curve = curve(council, years.get(i), cohort(years.get(i)));
      if (curve != null) {
        change.add(0, curve);
      }
    }
    chart(PermanenceCurve.draw("Children reaching legal permanence by cohort: " + name,
            "Children first accommodated in each collection year, cumulative incidence", footnote, change, false),
        charts, "permanence_by_cohort");
    page.figure("charts/permanence_by_cohort", "Share reaching legal permanence over time, one line per cohort, " + name,
        "One line per cohort of children first accommodated: has the wait shortened?", "tables/time_to_permanence.csv");
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("cohort", "children", "median years (95% interval)", "within 2 years (95% interval)",
        "within 4 years (95% interval)", "left care without permanence by 4 years", "still waiting at 4 years"));
    boolean marked = false;
    int twoYears = TimeToPermanence.quarterDays(8);
    int fourYears = TimeToPermanence.quarterDays(16);
    for (ProtectedRow row : data.summaries().stream().filter(r -> r.<String>key("council").equals(council))
        .sorted(Comparator.comparing(r -> r.<Integer>key("cohort_year"))).toList()) {
      int year = row.key("cohort_year");
      boolean early = Boolean.TRUE.equals(row.get("history_incomplete"));
      marked |= early;
      ProtectedRow at2 = data.point(council, year, twoYears);
      ProtectedRow at4 = data.point(council, year, fourYears);
      table.add(List.of(cohort(year) + (early ? " *" : ""), countCell(row, "children"),
          row.isWithheld("median_days") ? DisclosureControl.SUPPRESSED
              : years(row.get("median_days"), row.get("median_lower_days"), row.get("median_upper_days")),
          shareWithInterval(at2), shareWithInterval(at4), shareCell(at4, "left_care"), shareCell(at4, "still_waiting")));
    }
    page.paragraph("Shares are of real children: the cumulative incidence of legal permanence with leaving care "
        + "competing, so within 4 years, left care by 4 years and still waiting at 4 years add to 100%. Intervals are "
        + "R survfit's log-log intervals; \"exact\" marks the exact binomial interval, given where the estimate is 0% "
        + "or 100% and every child was followed that long; \"no interval\" means none can be estimated (an estimate "
        + "of 0% or 100% with children censored before). The median is the first time half had reached legal "
        + "permanence; \"not reached\" is an answer, not a gap. The curves are published at every quarter year "
        + "only, and a point is left out ([c]) where it would differ from the one before by 1 to " + sdc.threshold()
        + " children, so that no small count can be read off them."
        + (marked ? " * The council's first three cohort years: a child whose earlier spell in care ended before the "
            + "first return is counted as a first spell there." : ""));
    page.table("Time to legal permanence, children first accommodated, " + name, table);
    HtmlPage.writeCsv(tables.resolve("time_to_permanence.csv"), table);
  }

  /** Legal permanence at a curve point with its interval and how it was found, or [c] when withheld. */
  private String shareWithInterval(ProtectedRow point) {
    String share = shareCell(point, "within");
    if (share.isEmpty() || share.equals(DisclosureControl.SUPPRESSED)) {
      return share;
    }
    String method = point.get("within_interval");
    if (IntervalMethod.NONE.label().equals(method)) {
      return share + " (no interval)";
    }
    return share + " (" + pct(point.<Double>get("within_lower")) + " to " + pct(point.<Double>get("within_upper"))
        + (IntervalMethod.CLOPPER_PEARSON.label().equals(method) ? ", exact" : "") + ")";
  }

  private static String years(Double median, Double lower, Double upper) {
    if (median == null) {
      return "not reached";
    }
    return String.format(Locale.UK, "%.2f (%s to %s)", median / 365.25,
        lower == null ? "-" : String.format(Locale.UK, "%.2f", lower / 365.25),
        upper == null ? "not reached" : String.format(Locale.UK, "%.2f", upper / 365.25));
  }

  private void writeRoutes(HtmlPage page, Path charts, Path tables, String council, String name) {
    int cohort = data.latestFourYearCohort() - 2;
    List<RouteIncidence.Share> drawn = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("since first accommodated"));
    RouteIncidence.OUTCOMES.forEach(o -> header.add(o[1]));
    table.add(header);
    for (int years : new int[] {1, 2, 4, 6}) {
      ProtectedRow point = data.point(council, cohort, TimeToPermanence.quarterDays(4 * years));
      if (point == null || point.values().get("within") == null) {
        continue;
      }
      List<String> line = new ArrayList<>(List.of(years == 1 ? "1 year" : years + " years"));
      for (String[] outcome : RouteIncidence.OUTCOMES) {
        String column = ROUTE_SHARES.get(outcome[0]);
        Double share = point.get(column);
        drawn.add(new RouteIncidence.Share(years, outcome[0], share == null ? Double.NaN : share, share != null));
        line.add(shareCell(point, column));
      }
      table.add(line);
    }
    page.heading(2, "Routes to permanence: " + name);
    chart(RouteIncidence.draw("Routes to permanence: " + name,
        "Children first accommodated in " + cohort(cohort) + ", Aalen-Johansen cumulative incidence", footnote, drawn),
        charts, "routes");
    page.figure("charts/routes", "Routes to permanence over time for children first accommodated in " + cohort(cohort)
        + ", " + name, "Share of the cohort by each route, leaving care without permanence, and still waiting; "
        + "each bar adds to 100%.", "tables/routes.csv");
    page.table("Routes to permanence, children first accommodated in " + cohort(cohort) + ", " + name, table);
    HtmlPage.writeCsv(tables.resolve("routes.csv"), table);
  }

  /** The share column of each outcome in the curve points. */
  private static final Map<String, String> ROUTE_SHARES = Map.of("HOME", "home", "KCO", "kco", "PO", "po", "POA", "poa",
      "ADOPTION", "adoption", "LEFT_CARE", "left_care", "STILL_WAITING", "still_waiting");

  // ---------------------------------------------------------------- kinship

  private void writeKinship(HtmlPage page, Path charts, Path tables, String council, String name) {
    List<ProtectedRow> rows = data.kinship().stream().filter(r -> r.<String>key("council").equals(council)).toList();
    Map<Integer, Double> scotland = new LinkedHashMap<>();
    for (ProtectedRow row : data.kinship()) {
      if (row.<String>key("council").equals(CohortOutcomes.SCOTLAND)) {
        scotland.put(row.key("collection_year"), row.get("kinship_share"));
      }
    }
    List<KinshipTrend.Snapshot> snapshots = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("31 July", "looked after"));
    KinshipTrend.GROUPS.forEach(g -> header.add(g[1]));
    table.add(header);
    for (ProtectedRow row : rows) {
      int year = row.key("collection_year");
      Map<String, Double> shares = new LinkedHashMap<>();
      List<String> line = new ArrayList<>(List.of(String.valueOf(year), countCell(row, "looked_after")));
      for (String[] group : KinshipTrend.GROUPS) {
        Double share = row.get(group[0] + "_share");
        shares.put(group[0], share == null ? Double.NaN : share);
        line.add(countCell(row, group[0]) + " (" + shareCell(row, group[0] + "_share") + ")");
      }
      snapshots.add(new KinshipTrend.Snapshot(year, shares,
          council.equals(CohortOutcomes.SCOTLAND) ? null : scotland.get(year)));
      table.add(line);
    }
    page.heading(2, "Kinship care and the placement mix: " + name);
    chart(KinshipTrend.draw("Where looked after children live: " + name,
        "Placement at each 31 July, " + data.firstYear() + " to " + data.lastYear()
            + (council.equals(CohortOutcomes.SCOTLAND) ? "" : "; Scotland's kinship share dashed"), footnote, snapshots),
        charts, "kinship");
    page.figure("charts/kinship", "Placement mix of looked after children at each 31 July, " + name,
        "Kinship care at the bottom of the stack.", "tables/kinship.csv");
    page.table("Looked after children by placement at 31 July (count and share), " + name, table);
    HtmlPage.writeCsv(tables.resolve("kinship.csv"), table);
  }

  // ---------------------------------------------------------------- later stages

  private void writeStages(HtmlPage page, Path charts, Path tables, String council, String name) {
    List<StageIntervals.Median> medians = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("stage", "year completed", "children", "median days", "quartiles", "within 14 days"));
    // In the order a child goes through them, not by name.
    List<String> order = LaterStages.STAGES.stream().map(LaterStages.Stage::name).toList();
    for (ProtectedRow row : data.stages().stream().filter(r -> r.<String>key("council").equals(council))
        .sorted(Comparator.comparing((ProtectedRow r) -> order.indexOf(r.<String>key("stage")))
            .thenComparing(r -> r.<Integer>key("year")))
        .toList()) {
      String stage = row.key("stage");
      Double median = row.get("median_days");
      medians.add(new StageIntervals.Median(stage, row.key("year"), median));
      table.add(List.of(StageIntervals.LABELS.get(stage), String.valueOf(row.<Integer>key("year")),
          countCell(row, "children"),
          row.isWithheld("median_days") ? DisclosureControl.SUPPRESSED
              : median == null ? "" : String.format(Locale.UK, "%.0f", median),
          row.isWithheld("q1_days") ? DisclosureControl.SUPPRESSED : row.get("q1_days") == null ? ""
              : String.format(Locale.UK, "%.0f to %.0f", row.<Double>get("q1_days"), row.<Double>get("q3_days")),
          shareCell(row, "within_target")));
    }
    page.heading(2, "After the recommendation: " + name);
    chart(StageIntervals.draw("Stages after a permanence recommendation: " + name,
        "Median days per stage, by the collection year in which it was completed", footnote, medians), charts, "stages");
    page.figure("charts/stages", "Median days per stage after a permanence recommendation by year, " + name,
        "Medians of fewer than " + (sdc.threshold() + 1) + " children are left out.", "tables/stages.csv");
    page.table("Stages after a permanence recommendation, " + name, table);
    HtmlPage.writeCsv(tables.resolve("stages.csv"), table);
  }

  // ---------------------------------------------------------------- run charts

  private void writeRunVerdicts(HtmlPage page, Path charts, Path tables) {
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("council", "PACE start", "children before", "months before", "median weeks before",
        "children since", "months since", "median weeks since", "since the start, against the baseline median"));
    List<RunChartPlot.Panel> panels = new ArrayList<>();
    for (CouncilInfo council : data.councils()) {
      RunPhases phases = phases(council);
      ProtectedRow baseline = phases.baseline();
      ProtectedRow since = phases.since();
      table.add(List.of(council.name(), council.paceStart() == null ? "not set" : council.paceStart().toString(),
          baseline == null ? "0" : countCell(baseline, "children"), baseline == null ? "0" : countCell(baseline, "months"),
          median(baseline), since == null ? "0" : countCell(since, "children"),
          since == null ? "0" : countCell(since, "months"), median(since), verdict(phases.against())));
      List<RunChartPlot.Month> months = new ArrayList<>();
      for (ProtectedRow month : data.months().getOrDefault(council.code(), List.of())) {
        months.add(new RunChartPlot.Month(month.<java.sql.Date>key("month").toLocalDate(), month.get("median_weeks"),
            false));
      }
      panels.add(new RunChartPlot.Panel(council.name(), months, lines(council, phases), phases.signal()));
    }
    page.heading(2, "Has the wait for a recommendation changed since PACE?");
    page.paragraph("Weeks from first accommodated to the first permanence recommendation, as a run chart of monthly "
        + "medians: each month's point is the median weeks of the children recommended that month. Anhøj's rules on "
        + "the months since each council's PACE start, against the median of its months before: a run of months on "
        + "one side longer than round(log2 n) + 3, or fewer crossings of the median than chance allows, signals a "
        + "change; under 10 months off the median there is no verdict. A council with no PACE start has no baseline "
        + "to compare. The months of 1 to " + sdc.threshold() + " children are not drawn; each council's restricted "
        + "report has its full chart, with a dot per child.");
    chart(RunChartPlot.grid("Weeks to a permanence recommendation, month by month: every council",
        "Median weeks from first accommodated of the children recommended each month; one scale for all councils",
        footnote, panels), charts, "run_charts");
    page.figure("charts/run_charts", "Small multiples: a run chart of monthly median weeks to a permanence "
        + "recommendation for each council, with its PACE start, baseline median and verdict", "Run charts of every "
        + "council on one scale; the verdict above each.", null);
    page.table("Run-chart verdicts by council", table);
    HtmlPage.writeCsv(tables.resolve("run_chart_verdicts.csv"), table);
  }

  /**
   * A council's published run-chart phases: its baseline, the phase since its PACE start (or all
   * its months, with no start), and that phase judged against the baseline's median (or null).
   */
  private record RunPhases(ProtectedRow baseline, ProtectedRow since, ProtectedRow against) {
    /** Whether Anhøj's rules signal a change since the PACE start, against the baseline. */
    boolean signal() {
      return against != null && Boolean.TRUE.equals(against.get("signal"));
    }
  }

  private RunPhases phases(CouncilInfo council) {
    return new RunPhases(phase(council.code(), RunChart.BASELINE, RunChart.AGAINST_PHASE),
        phase(council.code(), council.paceStart() == null ? RunChart.ALL : RunChart.PACE, RunChart.AGAINST_PHASE),
        phase(council.code(), RunChart.PACE, RunChart.AGAINST_BASELINE));
  }

  /** A council's centre lines and verdict, as published. */
  private static RunChartPlot.Lines lines(CouncilInfo council, RunPhases phases) {
    ProtectedRow judged = phases.against() != null ? phases.against() : phases.since();
    boolean tooFew = judged == null || Boolean.TRUE.equals(judged.get("too_few_points"));
    return new RunChartPlot.Lines(council.paceStart(),
        phases.baseline() == null ? null : phases.baseline().get("median_weeks"),
        phases.since() == null ? null : phases.since().get("median_weeks"), council.aimWeeks(), tooFew,
        verdict(phases.against()));
  }

  private ProtectedRow phase(String council, String phase, String against) {
    for (ProtectedRow row : data.phases()) {
      if (row.<String>key("council").equals(council) && row.<String>key("phase").equals(phase)
          && row.<String>key("against").equals(against)) {
        return row;
      }
    }
    return null;
  }

  private static String median(ProtectedRow phase) {
    if (phase == null) {
      return "";
    }
    if (phase.isWithheld("median_weeks")) {
      return DisclosureControl.SUPPRESSED;
    }
    Double median = phase.get("median_weeks");
    return median == null ? "" : String.format(Locale.UK, "%.1f", median);
  }

  static String verdict(ProtectedRow against) {
    if (against == null) {
      return "no baseline to compare";
    }
    if (against.<Boolean>get("too_few_points")) {
      return "too few points: no verdict";
    }
    List<String> signals = new ArrayList<>();
    if (against.<Boolean>get("shift")) {
      signals.add("shift (run of " + against.get("longest_run") + ", limit " + against.get("run_limit") + ")");
    }
    if (against.<Boolean>get("too_few_crossings")) {
      signals.add("too few crossings (" + against.get("crossings") + ", limit " + against.get("crossing_limit") + ")");
    }
    return signals.isEmpty() ? "no signal: random variation" : String.join("; ", signals);
  }

  // ---------------------------------------------------------------- council pages

  private void writeCouncil(Path root, CouncilInfo council) {
    HtmlPage page = page(council.name() + ": permanence for looked after children");
    page.raw("<p><a href=\"../index.html\">Scotland and all councils</a> · <a href=\"../" + GLOSSARY
        + "\">the glossary</a></p>");
    page.paragraph("Published figures for " + council.name() + " (" + council.code() + "), latest snapshot "
        + day(data.latestSnapshot()) + ". PACE start: " + (council.paceStart() == null ? "not set" : day(council.paceStart()))
        + "; aim: a permanence recommendation within " + council.aimWeeks() + " weeks. Counts of 1 to "
        + sdc.threshold() + " children are shown as [c].");
    Path folder = root.resolve("councils").resolve(council.code());
    Path charts = folder.resolve("charts");
    Path tables = folder.resolve("tables");
    writeCouncilComparison(page, council);
    HtmlPage inner = page.linkPrefix(council.code() + "/");
    writeCouncilTrends(inner, charts, tables, council);
    writeCurves(inner, charts, tables, council.code(), council.name());
    writeRoutes(inner, charts, tables, council.code(), council.name());
    writeKinship(inner, charts, tables, council.code(), council.name());
    writeStages(inner, charts, tables, council.code(), council.name());
    writeAim2(inner, tables, council);
    inner.heading(2, "Run chart verdict").paragraph("Monthly median weeks to the first recommendation since the PACE "
        + "start, against the median of the months before it: " + verdict(phases(council).against())
        + ". The run chart is on the "
        + "national page beside every other council's; the one with a dot per child is in the council's restricted "
        + "report.");
    page.write(root.resolve("councils").resolve(council.code() + ".html"));
  }

  private void writeCouncilComparison(HtmlPage page, CouncilInfo council) {
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("measure", "cohort or snapshot", "children", "share", "Scotland", "flag 95%", "flag 99.8%",
        "flag 99.8%, allowing for overdispersion", "rank (95% interval)"));
    String c = DisclosureControl.SUPPRESSED;
    for (ComparedMeasure measure : ComparedMeasure.ALL) {
      for (ProtectedRow row : data.comparison()) {
        if (row.<String>key("measure").equals(measure.measure()) && row.<String>key("council").equals(council.code())) {
          table.add(List.of(measure.label(), yearLabel(measure, row.key("year")),
              countCell(row, "denominator"),
              shareCell(row, "proportion"), shareCell(row, "p0"), textCell(row, "flag_95"), textCell(row, "flag_998"),
              textCell(row, "flag_998_adjusted"), row.isWithheld("rank") ? c
                  : row.get("rank") + " (" + row.get("rank_lower") + " to " + row.get("rank_upper") + ")"));
        }
      }
    }
    page.heading(2, "Compared with the other councils");
    page.table(council.name() + " against Scotland, latest complete year of each measure", table);
  }

  static final String YEARS = "collection year, ending 31 July (the 2021-22 cohort is 2022)";

  /** A council's published share of a measure in each year, with its 95% interval. */
  private List<ShareTrends.Year> years(String measure, String council) {
    List<ShareTrends.Year> years = new ArrayList<>();
    for (ProtectedRow row : data.trends()) {
      if (row.<String>key("measure").equals(measure) && row.<String>key("council").equals(council)) {
        years.add(new ShareTrends.Year(row.key("year"), row.get("proportion"), row.get("wilson_lower"),
            row.get("wilson_upper")));
      }
    }
    return years;
  }

  /** Scotland's share of a measure in each year: the p0 each council's row is compared with. */
  private List<ShareTrends.Year> scotland(String measure) {
    Map<Integer, Double> byYear = new java.util.TreeMap<>();
    for (ProtectedRow row : data.trends()) {
      if (row.<String>key("measure").equals(measure)) {
        Double p0 = row.get("p0");
        byYear.merge(row.key("year"), p0 == null ? Double.NaN : p0, (a, b) -> Double.isNaN(a) ? b : a);
      }
    }
    List<ShareTrends.Year> years = new ArrayList<>();
    byYear.forEach((year, p0) -> years.add(new ShareTrends.Year(year, p0.isNaN() ? null : p0, null, null)));
    return years;
  }

  private void writeCouncilTrends(HtmlPage page, Path charts, Path tables, CouncilInfo council) {
    List<ShareTrends.Panel> panels = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("measure", "year", council.name(), "95% interval", "Scotland"));
    for (ComparedMeasure measure : ComparedMeasure.ALL) {
      List<ShareTrends.Year> own = years(measure.measure(), council.code());
      List<ShareTrends.Year> scotland = scotland(measure.measure());
      panels.add(new ShareTrends.Panel(measure.title(), List.of(
          new ShareTrends.Line(council.name() + " (95% interval shaded)", own, ChartStyle.BLUE, ChartStyle.LINE, true),
          new ShareTrends.Line("Scotland", scotland, ChartStyle.BLACK, ChartStyle.DASHED, false))));
      for (ShareTrends.Year year : own) {
        Double p0 = scotland.stream().filter(y -> y.year() == year.year() && y.share() != null)
            .map(ShareTrends.Year::share).findFirst().orElse(null);
        table.add(List.of(measure.title(), yearLabel(measure, year.year()),
            year.share() == null ? DisclosureControl.SUPPRESSED : pct(year.share()),
            year.lower() == null ? "" : pct(year.lower()) + " to " + pct(year.upper()), p0 == null ? "" : pct(p0)));
      }
    }
    chart(ShareTrends.draw(council.name() + " across the years, against Scotland",
        "Each measure in every year it is compared; a gap where a share is withheld", footnote, YEARS, panels),
        ShareTrends.HEIGHT, charts, "trends");
    page.heading(2, "Across the years");
    page.figure("charts/trends", "Line charts of " + council.name() + "'s share on each compared measure by year, "
        + "with Scotland's", council.name() + " and Scotland, year by year. The table below gives the figures.", null);
    page.table(council.name() + " and Scotland, every year compared", table);
    HtmlPage.writeCsv(tables.resolve("trends.csv"), table);
  }

  /**
   * The councils that joined PACE beside those with no PACE start, year by year: the median of
   * the councils' published shares in each group (a withheld share is left out, never guessed).
   */
  private void writePaceGroups(HtmlPage page, Path charts, Path tables) {
    List<CouncilInfo> pace = data.councils().stream().filter(c -> c.paceStart() != null).toList();
    List<CouncilInfo> none = data.councils().stream().filter(c -> c.paceStart() == null).toList();
    if (pace.isEmpty() || none.isEmpty()) {
      return;
    }
    java.awt.Color paceColour = ChartStyle.BLUE;
    java.awt.Color noneColour = ChartStyle.ORANGE;
    List<ShareTrends.Panel> panels = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("measure", "year", "PACE councils published", "their median share",
        "councils without a PACE start published", "their median share"));
    for (ComparedMeasure measure : ComparedMeasure.ALL) {
      List<ShareTrends.Line> lines = new ArrayList<>();
      Map<Integer, List<Double>> paceShares = new java.util.TreeMap<>();
      Map<Integer, List<Double>> noneShares = new java.util.TreeMap<>();
      for (CouncilInfo council : data.councils()) {
        boolean joined = council.paceStart() != null;
        List<ShareTrends.Year> own = years(measure.measure(), council.code());
        lines.add(new ShareTrends.Line(null, own, withAlpha(joined ? paceColour : noneColour, 70), ShareTrends.thin(),
            false));
        Map<Integer, List<Double>> group = joined ? paceShares : noneShares;
        for (ShareTrends.Year year : own) {
          List<Double> shares = group.computeIfAbsent(year.year(), y -> new ArrayList<>());
          if (year.share() != null) {
            shares.add(year.share());
          }
        }
      }
      List<ShareTrends.Year> paceMedians = medians(paceShares);
      List<ShareTrends.Year> noneMedians = medians(noneShares);
      lines.add(new ShareTrends.Line("median of the " + pace.size() + " PACE councils", paceMedians, paceColour,
          ShareTrends.thick(), false));
      lines.add(new ShareTrends.Line("median of the " + none.size() + " councils without a PACE start", noneMedians,
          noneColour, ShareTrends.thick(), false));
      lines.add(new ShareTrends.Line("Scotland", scotland(measure.measure()), ChartStyle.BLACK, ChartStyle.DASHED,
          false));
      panels.add(new ShareTrends.Panel(measure.title(), lines));
      java.util.SortedSet<Integer> years = new java.util.TreeSet<>(paceShares.keySet());
      years.addAll(noneShares.keySet());
      for (int year : years) {
        List<Double> paceYear = paceShares.getOrDefault(year, List.of());
        table.add(List.of(measure.title(), yearLabel(measure, year),
            paceYear.size() + " of " + pace.size(), medianCell(paceYear),
            noneShares.getOrDefault(year, List.of()).size() + " of " + none.size(),
            medianCell(noneShares.getOrDefault(year, List.of()))));
      }
    }
    page.heading(2, "PACE councils and councils without a PACE start");
    page.paragraph(pace.size() + " councils have a PACE start date in the configuration and " + none.size() + " ("
        + String.join(", ", none.stream().map(CouncilInfo::name).toList()) + ") have none. Each thin line is a "
        + "council; the thick lines are the median of each group's published shares in each year (a withheld share "
        + "is left out). The councils joined PACE in different years, so a year's PACE group mixes councils before "
        + "and after their start; the run charts above judge each council against its own baseline.");
    chart(ShareTrends.draw("PACE councils and councils without a PACE start",
        "Each compared measure by year: thin lines the councils, thick lines the median of each group", footnote,
        YEARS, panels), ShareTrends.HEIGHT, charts, "pace_groups");
    page.figure("charts/pace_groups", "Line charts of each compared measure by year for PACE councils and councils "
        + "without a PACE start, with each group's median", "The two groups of councils, year by year.", null);
    page.table("PACE councils and councils without a PACE start: the median of the councils' published shares", table);
    HtmlPage.writeCsv(tables.resolve("pace_groups.csv"), table);
  }

  private static java.awt.Color withAlpha(java.awt.Color colour, int alpha) {
    return new java.awt.Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
  }

  private static List<ShareTrends.Year> medians(Map<Integer, List<Double>> shares) {
    List<ShareTrends.Year> years = new ArrayList<>();
    shares.forEach((year, values) -> years.add(new ShareTrends.Year(year, median(values), null, null)));
    return years;
  }

  /** The median of the shares, or null for none. */
  private static Double median(List<Double> shares) {
    return shares.isEmpty() ? null : RunChart.median(shares.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static String medianCell(List<Double> shares) {
    return shares.isEmpty() ? "" : pct(median(shares));
  }

  private void writeAim2(HtmlPage page, Path tables, CouncilInfo council) {
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("cohort", "children accommodated", "recommended", "median weeks", "within 26 weeks",
        "within the aim of " + council.aimWeeks() + " weeks", "target share"));
    boolean marked = false;
    for (ProtectedRow row : data.aim2()) {
      if (!row.<String>key("council").equals(council.code())) {
        continue;
      }
      Double median = row.get("median_weeks");
      Double target = row.get("aim_share");
      boolean early = Boolean.TRUE.equals(row.get("history_incomplete"));
      marked |= early;
      table.add(List.of(cohort(row.key("cohort_year")) + (early ? " *" : ""), countCell(row, "children"),
          countCell(row, "recommended"),
          row.isWithheld("median_weeks") ? DisclosureControl.SUPPRESSED
              : median == null ? "not reached" : String.format(Locale.UK, "%.1f", median),
          shareCell(row, "within_26w"), shareCell(row, "within_aim"), target == null ? "" : pct(target)));
    }
    page.heading(2, "PACE Aim 2: weeks to a permanence recommendation");
    if (marked) {
      page.paragraph("Each time a child is accommodated counts. * The council's first three cohort years: a child "
          + "accommodated again after a spell that ended before the first return counts as a first spell there.");
    }
    page.table("Each time a child is first accommodated: cumulative incidence of a recommendation; reaching "
        + "permanence or leaving care first competes, those still waiting are censored", table);
    HtmlPage.writeCsv(tables.resolve("aim2.csv"), table);
  }

  // ---------------------------------------------------------------- restricted

  private void writeRestricted(Path folder, CouncilInfo council) {
    HtmlPage page = page(council.name() + ": restricted, child-level");
    page.raw("<p class=\"note\"><strong>Restricted.</strong> One mark per child: for " + HtmlPage.escape(council.name())
        + "'s own managers, not for publication. Children appear only by position; no identifier is shown.</p>");
    Path charts = folder.resolve("charts");
    List<RunChartPlot.Point> children = new ArrayList<>();
    for (Row child : data.runPoints().getOrDefault(council.code(), List.of())) {
      children.add(new RunChartPlot.Point(child.<java.sql.Date>getAs("point_date").toLocalDate(), child.getAs("weeks")));
    }
    List<Row> months = data.runMonths().getOrDefault(council.code(), List.of());
    RunPhases phases = phases(council);
    boolean[] signal = signalled(months, phases);
    List<RunChartPlot.Month> points = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      points.add(new RunChartPlot.Month(months.get(i).<java.sql.Date>getAs("month").toLocalDate(),
          months.get(i).getAs("median_weeks"), signal[i]));
    }
    RunChartPlot.Lines lines = lines(council, phases);
    chart(RunChartPlot.draw("PACE run chart: weeks to a permanence recommendation, " + council.name(),
        "Each month's median weeks, joined; a faint dot per child at the date of its first recommendation",
        footnote.replaceAll(" Counts of.*", ""), children, points,
        lines.withVerdict("Since the PACE start, against the baseline median: " + lines.verdict())), charts, "run_chart");
    page.heading(2, "Run chart");
    page.figure("charts/run_chart", "Run chart of monthly median weeks from first accommodated to permanence "
        + "recommendation, with one dot per child, " + council.name(), "Purple months belong to a run longer than "
        + "Anhøj's limit. " + lines.verdict(), null);
    List<StillWaitingBars.Child> waiting = new ArrayList<>();
    for (Row row : data.waiting().getOrDefault(council.code(), List.of())) {
      waiting.add(new StillWaitingBars.Child(row.getAs("weeks_waited"), row.getAs("placement_type")));
    }
    chart(StillWaitingBars.draw("Children still waiting for a permanence recommendation: " + council.name(),
        "At " + day(data.latestSnapshot()) + ": one bar per child, longest wait first, by placement",
        footnote.replaceAll(" Counts of.*", ""), waiting, council.aimWeeks()), charts, "still_waiting");
    page.heading(2, "Still waiting");
    page.figure("charts/still_waiting", "Bar chart of children still waiting for a permanence recommendation, one bar "
        + "per child, " + council.name(), waiting.size() + " children accommodated and still waiting for a permanence "
        + "recommendation.", null);
    page.write(folder.resolve("index.html"));
  }

  /** The months of each phase in a run longer than the limit against the median they were judged by. */
  private static boolean[] signalled(List<Row> months, RunPhases phases) {
    boolean[] marked = new boolean[months.size()];
    for (String phase : List.of(RunChart.BASELINE, RunChart.PACE, RunChart.ALL)) {
      ProtectedRow judge = phase.equals(RunChart.BASELINE) ? phases.baseline()
          : phase.equals(RunChart.PACE) && phases.against() != null ? phases.against() : phases.since();
      if (judge == null || !judge.<String>key("phase").equals(phase) || !Boolean.FALSE.equals(judge.get("too_few_points"))
          || judge.get("median_weeks") == null || judge.get("run_limit") == null) {
        continue;
      }
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        if (months.get(i).<String>getAs("phase").equals(phase)) {
          indexes.add(i);
        }
      }
      double[] values = indexes.stream().mapToDouble(i -> months.get(i).<Double>getAs("median_weeks")).toArray();
      boolean[] inRun = RunRules.inLongRuns(values, judge.get("median_weeks"), judge.get("run_limit"));
      for (int k = 0; k < indexes.size(); k++) {
        marked[indexes.get(k)] = inRun[k];
      }
    }
    return marked;
  }
}
