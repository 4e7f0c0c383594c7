package scot.pace.jobs;

import picocli.CommandLine.Option;

/** {@code --lake} and {@code --out}, for the commands that read the lake and write beside it. */
final class LakeAndOut {
  @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default paths.lake).")
  String lake;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the output goes (default paths.out).")
  String out;

  /** The configuration with the folders given here in place of its own. */
  PaceConfig applyTo(PaceConfig loaded) {
    PaceConfig withLake = lake == null ? loaded : loaded.withLake(lake);
    return out == null ? withLake : withLake.withPaths(new PaceConfig.PathSettings(withLake.paths().returns(),
        withLake.paths().truth(), withLake.paths().lake(), out));
  }
}
