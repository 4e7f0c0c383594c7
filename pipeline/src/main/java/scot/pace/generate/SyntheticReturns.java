package scot.pace.generate;


import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import scot.pace.council.Council;
import scot.pace.council.Councils;
import scot.pace.files.Folders;
import scot.pace.generate.SimulatedChild.Episode;
import scot.pace.generate.SimulatedChild.LegalReason;
import scot.pace.generate.SimulatedChild.Milestone;
import scot.pace.generate.SimulatedChild.Placement;
import scot.pace.returns.PlacementGroup;
import scot.pace.returns.ReturnFile;
import scot.pace.returns.ReturnId;
import scot.pace.files.CsvWriter;
import scot.pace.failure.InputFailure;

/**
 * Synthetic annual returns: simulates every child of a council from the burn-in years to the
 * horizon, then writes each collection year's return as the slice of those journeys that was open
 * during the year, with their history up to its 31 July, exactly in the input contract. Beside
 * the returns it writes the true outcome of every spell of every child ({@code truth/outcomes_<code>.csv}).
 *
 * <p>Each council has its own random stream seeded from the seed and its code, so narrowing the
 * councils or years changes nothing in what is written for the others.
 */
public final class SyntheticReturns {
  private final GeneratorParameters parameters;
  private final Councils councils;
  private final double errorRate;

  public SyntheticReturns(GeneratorParameters parameters, Councils councils) {
    this(parameters, councils, 0);
  }

  /**
   * @param errorRate share of rows to break, each with one injectable rule of the catalogue,
   *     recorded in {@code truth/injected_<code>.csv}; 0 for clean returns
   */
  public SyntheticReturns(GeneratorParameters parameters, Councils councils, double errorRate) {
    if (!(errorRate >= 0 && errorRate < 1)) {
      throw new InputFailure("--inject-errors must be a share from 0 to below 1, was " + errorRate);
    }
    this.parameters = parameters;
    this.councils = councils;
    this.errorRate = errorRate;
  }

  /** Writes the returns of {@code selected} councils for collection years {@code from..to}. */
  public GenerationSummary write(Path returnsDir, Path truthDir, List<Council> selected, int from, int to) {
    if (from > to) {
      throw new InputFailure("first year " + from + " is after last year " + to);
    }
    Folders.create(returnsDir);
    Folders.create(truthDir);
    Map<ReturnFile, Long> rows = new EnumMap<>(ReturnFile.class);
    for (ReturnFile file : ReturnFile.values()) {
      rows.put(file, 0L);
    }
    Map<Integer, YearFigures.Tally> years = new TreeMap<>();
    long simulated = 0;
    int returns = 0;
    LocalDate horizon = LocalDate.of(to, 7, 31);
    for (Council council : selected) {
      List<SimulatedChild> children = simulate(council, Math.max(to, parameters.lastYear()));
      simulated += children.size();
      boolean[] appears = new boolean[children.size()];
      ErrorInjector injector = new ErrorInjector(errorRate, parameters.seed() * 7_919L + council.code().hashCode() + 1);
      for (int year = from; year <= to; year++) {
        ReturnSlice slice = new ReturnSlice(council, year, children, appears, injector);
        YearFigures figures = slice.writeTo(returnsDir, rows);
        years.computeIfAbsent(year, YearFigures.Tally::new).add(figures);
        returns++;
      }
      writeTruth(truthDir.resolve("outcomes_" + council.code() + ".csv"), children, appears,
          LocalDate.of(from - 1, 8, 1), horizon);
      if (injector.isActive()) {
        writeInjected(truthDir.resolve("injected_" + council.code() + ".csv"), injector.injected());
      }
    }
    List<YearFigures> figures = new ArrayList<>();
    years.values().forEach(tally -> figures.add(tally.figures()));
    return new GenerationSummary(returns, rows, simulated, truthDir, figures);
  }

  List<SimulatedChild> simulate(Council council, int horizonYear) {
    Draws draws = new Draws(parameters.seed() * 1_000_003L + council.code().hashCode());
    JourneySimulator simulator = new JourneySimulator(parameters, council, draws);
    double share = council.share();
    LocalDate horizon = LocalDate.of(horizonYear, 7, 31);
    List<SimulatedChild> children = new ArrayList<>();
    double carried = 0;
    int number = 0;
    for (int year = parameters.firstYear() - parameters.burnInYears(); year <= horizonYear; year++) {
      double expected = parameters.startsIn(year) * share + carried;
      int starts = (int) Math.floor(expected);
      carried = expected - starts;
      LocalDate yearStart = LocalDate.of(year - 1, 8, 1);
      int days = (int) (LocalDate.of(year, 7, 31).toEpochDay() - yearStart.toEpochDay()) + 1;
      List<LocalDate> entries = new ArrayList<>(starts);
      for (int i = 0; i < starts; i++) {
        entries.add(yearStart.plusDays(draws.uniformInt(0, days)));
      }
      entries.sort(Comparator.naturalOrder());
      for (LocalDate entry : entries) {
        number++;
        if (!entry.isAfter(horizon)) {
          children.add(simulator.simulate(String.format("C%07d", number), entry));
        }
      }
    }
    return children;
  }

  private static void writeTruth(
      Path file, List<SimulatedChild> children, boolean[] appears, LocalDate windowStart, LocalDate horizon) {
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    try (CsvWriter out = new CsvWriter(partial, TrueOutcome.COLUMNS)) {
      for (int i = 0; i < children.size(); i++) {
        if (appears[i]) {
          for (TrueOutcome spell : TrueOutcome.of(children.get(i), windowStart, horizon)) {
            out.line(spell.values());
          }
        }
      }
    }
    Folders.moveIntoPlace(partial, file);
  }


  private static void writeInjected(Path file, List<ErrorInjector.Injected> injected) {
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    try (CsvWriter out = new CsvWriter(partial, List.of("return_folder", "file", "row_number", "rule_id"))) {
      for (ErrorInjector.Injected row : injected) {
        out.row(row.returnFolder(), row.file().fileName(), row.rowNumber(), row.ruleId());
      }
    }
    Folders.moveIntoPlace(partial, file);
  }

  /** One council's return for one collection year. */
  private final class ReturnSlice {
    private final Council council;
    private final int year;
    private final List<SimulatedChild> children;
    private final boolean[] appears;
    private final LocalDate yearStart;
    private final LocalDate snapshot;
    private final ErrorInjector injector;

    ReturnSlice(Council council, int year, List<SimulatedChild> children, boolean[] appears, ErrorInjector injector) {
      this.council = council;
      this.year = year;
      this.children = children;
      this.appears = appears;
      this.injector = injector;
      this.yearStart = LocalDate.of(year - 1, 8, 1);
      this.snapshot = LocalDate.of(year, 7, 31);
    }

    YearFigures writeTo(Path returnsDir, Map<ReturnFile, Long> rows) {
      String code = council.codeInYear(year, parameters.formerCodesUntil());
      ReturnId id = new ReturnId(code, year);
      Path folder = returnsDir.resolve(id.folderName());
      Path partial = returnsDir.resolve("." + id.folderName() + ".partial");
      Folders.deleteRecursively(partial);
      Folders.create(partial);
      YearFigures.Tally tally = new YearFigures.Tally(year);
      try (CsvWriter childrenCsv = writer(partial, ReturnFile.CHILDREN);
          CsvWriter episodesCsv = writer(partial, ReturnFile.EPISODES);
          CsvWriter placementsCsv = writer(partial, ReturnFile.PLACEMENTS);
          CsvWriter legalCsv = writer(partial, ReturnFile.LEGAL_REASONS);
          CsvWriter permanenceCsv = writer(partial, ReturnFile.PERMANENCE)) {
        for (int i = 0; i < children.size(); i++) {
          SimulatedChild child = children.get(i);
          List<Episode> open = new ArrayList<>();
          for (Episode episode : child.episodes()) {
            if (episode.isOpenDuring(yearStart, snapshot)) {
              open.add(episode);
            }
          }
          if (open.isEmpty()) {
            continue;
          }
          appears[i] = true;
          childrenCsv.row(code, year, child.childId(), child.scn(), child.dob(), child.sex(),
              child.ethnicity(), child.disability());
          for (Episode episode : open) {
            boolean ended = !episode.end().isAfter(snapshot);
            episodesCsv.row(code, year, child.childId(), episode.episodeId(), episode.start(),
                ended ? episode.end() : null, ended ? episode.destination() : null);
            if (!episode.start().isBefore(yearStart)) {
              tally.started++;
            }
            if (ended) {
              tally.ceased++;
            } else {
              tally.lookedAfter++;
            }
            for (Placement placement : episode.placements()) {
              if (!placement.start().isAfter(snapshot)) {
                boolean placementEnded = !placement.end().isAfter(snapshot);
                placementsCsv.row(code, year, child.childId(), episode.episodeId(), placement.start(),
                    placementEnded ? placement.end() : null, placement.type());
                if (!ended && !placementEnded) {
                  tally.byPlacement.merge(PlacementGroup.of(placement.type()), 1L, Long::sum);
                }
              }
            }
            for (LegalReason legal : episode.legalReasons()) {
              if (!legal.start().isAfter(snapshot)) {
                legalCsv.row(code, year, child.childId(), episode.episodeId(), legal.start(),
                    legal.end().isAfter(snapshot) ? null : legal.end(), legal.reason());
              }
            }
            for (Milestone milestone : episode.milestones()) {
              if (!milestone.date().isAfter(snapshot)) {
                permanenceCsv.row(code, year, child.childId(), episode.episodeId(),
                    milestone.milestone(), milestone.date(), milestone.route());
              }
            }
          }
        }
        rows.merge(ReturnFile.CHILDREN, childrenCsv.rows(), Long::sum);
        rows.merge(ReturnFile.EPISODES, episodesCsv.rows(), Long::sum);
        rows.merge(ReturnFile.PLACEMENTS, placementsCsv.rows(), Long::sum);
        rows.merge(ReturnFile.LEGAL_REASONS, legalCsv.rows(), Long::sum);
        rows.merge(ReturnFile.PERMANENCE, permanenceCsv.rows(), Long::sum);
      }
      Folders.moveIntoPlace(partial, folder);
      return tally.figures();
    }

    private CsvWriter writer(Path folder, ReturnFile file) {
      String name = council.codeInYear(year, parameters.formerCodesUntil()) + "_" + year;
      return new CsvWriter(folder.resolve(file.fileName()), file.columns(),
          (rowNumber, values) -> injector.maybeBreak(name, file, rowNumber, values));
    }
  }

}
