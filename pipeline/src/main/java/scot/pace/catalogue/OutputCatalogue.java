package scot.pace.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import scot.pace.journey.Journeys;
import scot.pace.journey.Silver;
import scot.pace.lake.IngestManifest;
import scot.pace.lake.QualityTables;
import scot.pace.lake.RunLog;
import scot.pace.measure.Aim1;
import scot.pace.measure.Aim2;
import scot.pace.measure.CohortOutcomes;
import scot.pace.measure.KinshipShare;
import scot.pace.measure.LaterStages;
import scot.pace.measure.RunChart;
import scot.pace.measure.ScraReplication;
import scot.pace.measure.StillWaiting;
import scot.pace.measure.TimeToPermanence;
import scot.pace.measure.CouncilComparison;
import scot.pace.publish.Publications;
import scot.pace.returns.ReturnFile;
import scot.pace.rules.Validation;

/**
 * Every table the pipeline writes, declared once, in the order the build writes its own: the build,
 * the benchmark's floor, housekeeping and the tests iterate over it. Adding a measure is one class
 * and one entry here.
 */
public final class OutputCatalogue {
  public static final String COUNCILS = "ref_councils";

  private static final List<Output> ALL = declare();

  private OutputCatalogue() {}

  private static List<Output> declare() {
    List<Output> all = new ArrayList<>();
    for (ReturnFile file : ReturnFile.values()) {
      all.add(Output.writtenBy(file.bronzeTable(), Layer.BRONZE, "ingest"));
    }
    all.add(Output.writtenBy(Validation.QUARANTINE, Layer.QUALITY, "ingest"));
    all.add(Output.writtenBy(QualityTables.QUALITY, Layer.QUALITY, "ingest"));
    all.add(Output.writtenBy(IngestManifest.TABLE, Layer.QUALITY, "ingest"));

    String stage = "silver: episodes";
    all.add(Output.built(Silver.EPISODES, Layer.SILVER, stage,
        in -> Silver.episodes(in.accepted(ReturnFile.EPISODES), in.key())));
    stage = "silver: children, placements, legal reasons, milestones";
    all.add(Output.built(Silver.CHILDREN, Layer.SILVER, stage,
        in -> Silver.children(in.accepted(ReturnFile.CHILDREN), in.key())));
    all.add(Output.built(Silver.PLACEMENTS, Layer.SILVER, stage,
        in -> Silver.placements(in.accepted(ReturnFile.PLACEMENTS), in.read(Silver.EPISODES), in.key())));
    all.add(Output.built(Silver.LEGAL_REASONS, Layer.SILVER, stage,
        in -> Silver.legalReasons(in.accepted(ReturnFile.LEGAL_REASONS), in.read(Silver.EPISODES), in.key())));
    all.add(Output.built(Silver.MILESTONES, Layer.SILVER, stage,
        in -> Silver.milestones(in.accepted(ReturnFile.PERMANENCE), in.read(Silver.EPISODES), in.key())));
    all.add(Output.built(Journeys.TABLE, Layer.SILVER, "silver: journeys",
        in -> Journeys.derive(in.read(Silver.CHILDREN), in.read(Silver.EPISODES), in.read(Silver.PLACEMENTS),
            in.read(Silver.MILESTONES), in.read(Silver.LEGAL_REASONS))));

    stage = "gold: time to permanence";
    all.add(Output.built(CohortOutcomes.TABLE, Layer.GOLD, stage, in -> CohortOutcomes.table(in.outcomes())));
    all.add(Output.built(TimeToPermanence.SUMMARY, Layer.GOLD, stage, in -> TimeToPermanence.summary(in.grouped())).publishedAs(Publications.timeToPermanence())
        .ownRowsFor("age_band = 'all'", "population", "cohort_year"));
    all.add(Output.built(TimeToPermanence.CURVES, Layer.GOLD, stage, in -> TimeToPermanence.curves(in.grouped())));
    all.add(Output.built(TimeToPermanence.ROUTES, Layer.GOLD, stage, in -> TimeToPermanence.routes(in.grouped())));
    all.add(Output.built(TimeToPermanence.POINTS, Layer.GOLD, stage, in -> TimeToPermanence.points(in.grouped(), in.lastYear()))
        .publishedAs(Publications.points()));
    stage = "gold: kinship";
    all.add(Output.built(KinshipShare.TABLE, Layer.GOLD, stage,
        in -> KinshipShare.atSnapshots(in.read(Silver.EPISODES), in.read(Silver.PLACEMENTS), in.returnYears()))
        .publishedAs(Publications.kinshipShare()).ownRowsFor(null, "collection_year"));
    all.add(Output.built(KinshipShare.PERMANENCE_TABLE, Layer.GOLD, stage,
        in -> KinshipShare.ofPermanence(in.outcomes())).publishedAs(Publications.kinshipPermanence()));
    all.add(Output.built(COUNCILS, Layer.REFERENCE, stage, BuildInputs::councilTable).publishedAs(Publications.councils()));

    stage = "gold: PACE aims";
    all.add(Output.built(Aim1.TABLE, Layer.GOLD, stage, in -> Aim1.of(in.homeOrders())).publishedAs(Publications.aim1()));
    all.add(Output.built(Aim2.TABLE, Layer.GOLD, stage,
        in -> Aim2.of(in.journeys(), in.firstYears(), in.read(COUNCILS))).publishedAs(Publications.aim2())
        .ownRowsFor(null, "cohort_year"));
    all.add(Output.built(LaterStages.TABLE, Layer.GOLD, stage,
        in -> LaterStages.of(LaterStages.childStages(in.read(Silver.MILESTONES)), in.firstYears()))
        .publishedAs(Publications.laterStages()).ownRowsFor(null, "stage", "year"));
    all.add(Output.built(StillWaiting.TABLE, Layer.GOLD, stage,
        in -> StillWaiting.of(in.journeys(), in.read(Silver.PLACEMENTS))));

    stage = "gold: run charts";
    all.add(Output.built(RunChart.MONTHS, Layer.GOLD, stage, in -> RunChart.months(in.runChartPoints()))
        .publishedAs(Publications.runChartMonths()));
    all.add(Output.built(RunChart.PHASES, Layer.GOLD, stage, in -> RunChart.phases(in.read(RunChart.MONTHS)))
        .publishedAs(Publications.runChartPhases()).ownRowsFor(null, "measure", "phase", "against"));
    all.add(Output.built(RunChart.POINTS, Layer.GOLD, stage,
        in -> RunChart.withMedians(in.runChartPoints(), in.read(RunChart.PHASES))));

    stage = "gold: council comparison";
    all.add(Output.built(CouncilComparison.TABLE, Layer.GOLD, stage, in -> in.comparison().comparison())
        .publishedAs(Publications.comparison()));
    all.add(Output.built(CouncilComparison.LIMITS_TABLE, Layer.GOLD, stage, in -> in.comparison().limits())
        .publishedAs(Publications.funnelLimits()));

    all.add(Output.writtenBy(ScraReplication.TABLE, Layer.GOLD, "replicate-scra").publishedAs(Publications.scra()));
    all.add(Output.writtenBy(RunLog.TABLE, Layer.OPERATIONS, "every run"));
    return List.copyOf(all);
  }

  /** Every table, in the order the pipeline writes them. */
  public static List<Output> all() {
    return ALL;
  }

  /** The tables {@code pace build} writes, in the order it writes them. */
  public static List<Output> built() {
    return ALL.stream().filter(Output::isBuilt).toList();
  }

  /** The published tables, in the order they are protected (a table may consult those before it). */
  public static List<Output> published() {
    return ALL.stream().filter(Output::isPublished).toList();
  }

  /** The tables each council gets its own exact rows of, in its restricted notebook. */
  public static List<Output> ownRows() {
    return ALL.stream().filter(o -> o.ownRows() != null).toList();
  }

  /** The table of that name, if the pipeline writes one. */
  public static Optional<Output> named(String table) {
    return ALL.stream().filter(o -> o.table().equals(table)).findFirst();
  }
}
