package scot.pace.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/pace-jobs.jar}, the jar a user runs, in a JVM of its own: the classes it
 * leaves out of Spark's, Hadoop's and Delta's (jobs/pom.xml) are then missed by a test, not by a
 * user. The test JVM's system properties go with it (the same Spark settings as in-process runs).
 */
final class ShippedJar {
  static final Path JAR = Path.of(System.getProperty("pace.jobs.jar", "target/pace-jobs.jar")).toAbsolutePath();

  private ShippedJar() {}

  /** Runs a pace command from the jar and returns what it printed on each stream. */
  static PaceCliIT.Result run(String... args) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException("run after the package phase: " + JAR);
    }
    List<String> command = new ArrayList<>(List.of(StandaloneClusterIT.java(), "-Xmx3g"));
    command.addAll(StandaloneClusterIT.QUICK_JVM);
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-D")) {
        command.add(argument);
      }
    }
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("pace-out-", ".txt");
      Path err = Files.createTempFile("pace-err-", ".txt");
      try {
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException("pace " + String.join(" ", args) + " did not finish in 20 minutes");
        }
        return new PaceCliIT.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
