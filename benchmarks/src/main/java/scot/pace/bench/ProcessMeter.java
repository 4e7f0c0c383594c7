package scot.pace.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a command in its own process (a cold JVM) and measures it from outside: wall time, CPU
 * time ({@link ProcessHandle.Info#totalCpuDuration}) and peak resident memory (VmHWM in
 * {@code /proc/<pid>/status}), sampled every 50 ms while it runs. Its output goes to a log file.
 */
final class ProcessMeter {
  private ProcessMeter() {}

  static Measured run(String stage, List<String> command, Map<String, String> environment, Path log, long rows) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      long start = System.nanoTime();
      Process process = builder.start();
      Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
      long peakKb = 0;
      Duration cpu = Duration.ZERO;
      while (process.isAlive()) {
        peakKb = Math.max(peakKb, peakKb(status));
        cpu = process.info().totalCpuDuration().filter(d -> d.compareTo(Duration.ZERO) > 0).orElse(cpu);
        process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      double wall = (System.nanoTime() - start) / 1e9;
      return new Measured(stage, String.join(" ", command), wall, cpu.toNanos() / 1e9, peakKb / 1024.0, rows,
          process.exitValue());
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static long peakKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // The process ended between the check and the read: keep the last figure.
    }
    return 0;
  }
}
