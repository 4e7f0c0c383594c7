package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conf/schedule/pace-java: the first run writes the class-data archive, the next start from it. */
class PaceJavaIT {
  @TempDir Path dir;

  record Ran(int exitCode, String output) {}

  Ran paceJava(String javaOptions, String... args) throws IOException, InterruptedException {
    Path jar = ShippedJar.JAR;
    List<String> command = new java.util.ArrayList<>(List.of(Path.of("../conf/schedule/pace-java").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PACE_JAR", jar.toString());
    builder.environment().put("PACE_CDS_DIR", dir.resolve("cds").toString());
    builder.environment().put("JAVA_OPTS", javaOptions);
    // The java on the PATH is the one running the tests.
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    return new Ran(process.exitValue(), output);
  }

  List<String> archives() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theFirstRunWritesTheArchiveAndTheNextUseIt() throws Exception {
    Ran first = paceJava("", "--version");
    assertEquals(0, first.exitCode(), first.output());
    List<String> written = archives();
    assertEquals(1, written.size(), "one archive: " + written);
    assertTrue(written.get(0).matches("pace-\\d+-\\d+\\.jsa"), written.get(0));
    long size = Files.size(dir.resolve("cds").resolve(written.get(0)));

    // -Xshare:on: the JVM stops rather than run without the archive.
    Ran second = paceJava("-Xshare:on", "--version");
    assertEquals(first, second, "the same run, the same output");
    assertEquals(written, archives());
    assertEquals(size, Files.size(dir.resolve("cds").resolve(written.get(0))), "used, not written again");
  }

  @Test
  void aCommandsExitCodeComesThrough() throws Exception {
    Ran ran = paceJava("", "no-such-command");
    assertEquals(2, ran.exitCode(), ran.output());
    assertTrue(ran.output().contains("no-such-command"), ran.output());
  }

  @Test
  void theCronScriptExitsWithTheRunsCodeAndSaysWhenARunFailed() throws Exception {
    // A logger that keeps what it is given, and no pseudonymisation key: the nightly exits 2 before Spark starts.
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path logged = dir.resolve("syslog.txt");
    Path logger = bin.resolve("logger");
    Files.writeString(logger, "#!/bin/sh\necho \"logger $*\" >> " + logged + "\ncat >> " + logged + "\n");
    logger.toFile().setExecutable(true);
    Path config = dir.resolve("nightly.yaml");
    Files.writeString(config, "paths:\n  returns: " + dir.resolve("returns") + "\n  lake: " + dir.resolve("lake")
        + "\n  out: " + dir.resolve("out") + "\n");
    Path jar = ShippedJar.JAR;
    ProcessBuilder builder = new ProcessBuilder(Path.of("../conf/schedule/pace-nightly").toAbsolutePath().toString());
    builder.environment().put("PACE_JAR", jar.toString());
    builder.environment().put("PACE_CDS_DIR", "off");
    builder.environment().put("PACE_NIGHTLY_CONFIG", config.toString());
    builder.environment().remove("PACE_PSEUDONYM_KEY");
    builder.environment().put("PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String printed = new String(process.getInputStream().readAllBytes()) + new String(process.getErrorStream().readAllBytes());
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    assertEquals(2, process.exitValue(), "the run's exit code, not the logger's: " + printed);
    assertEquals("pace nightly ended with exit code 2: the input or the configuration is wrong. What it printed:"
        + " journalctl -t pace-nightly; its summary: <out>/runs/\n", printed, "one line for cron to mail");
    String syslog = Files.readString(logged);
    assertTrue(syslog.startsWith("logger -t pace-nightly\n"), syslog);
    assertTrue(syslog.contains("\npace nightly: no pseudonymisation key"), "what the run printed goes to syslog: " + syslog);
    assertTrue(syslog.contains("logger -t pace-nightly -p user.err\npace nightly ended with exit code 2"), syslog);
  }

  @Test
  void theSystemdServiceStartsAUnitThatSaysSoWhenARunFails() throws IOException {
    Path schedule = Path.of("../conf/schedule");
    String service = Files.readString(schedule.resolve("pace-nightly.service"));
    String onFailure = service.lines().filter(l -> l.startsWith("OnFailure=")).findFirst().orElseThrow()
        .substring("OnFailure=".length());
    String failed = Files.readString(schedule.resolve(onFailure));
    assertTrue(failed.contains("systemd-cat -t pace-nightly -p err"), failed);
    assertTrue(service.contains("SuccessExitStatus=1\n"), "a finished run with warnings is not a failure: " + service);
  }
}
