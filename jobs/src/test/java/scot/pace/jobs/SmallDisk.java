package scot.pace.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A filesystem of its own, of a given size, mounted on a folder (Linux tmpfs; needs root, which
 * CI has): a disk that really fills, and can be given more room without losing what it holds, as
 * an operator frees space. Unmounted when closed.
 */
final class SmallDisk implements AutoCloseable {
  final Path mountPoint;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts {@code kilobytes} at {@code mountPoint}; skips the test (fails it under CI) where mounting is not allowed. */
  static SmallDisk mount(Path mountPoint, long kilobytes) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    Result mounted = run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", mountPoint.toString());
    ExternalTool.require(mounted.code() == 0, "to mount a small filesystem (tmpfs) of its own, which needs root"
        + " (mount said: " + mounted.output().strip() + ")", "run the tests as root");
    return new SmallDisk(mountPoint);
  }

  /** Another size, keeping every file: less room (not below what the files take), or more, as when an operator frees space. */
  void resize(long kilobytes) throws IOException, InterruptedException {
    Result result = run("mount", "-o", "remount,size=" + kilobytes + "k", mountPoint.toString());
    if (result.code() != 0) {
      throw new IOException("could not resize " + mountPoint + " to " + kilobytes + " KB: " + result.output());
    }
  }

  /** The room the files under {@code folder} take on a tmpfs: whole pages of 4 KB, in kilobytes. */
  static long kilobytesTakenBy(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return (Files.size(f) + 4095) / 4096 * 4;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sum();
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Result result = run("umount", "-l", mountPoint.toString());
    if (result.code() != 0) {
      throw new IOException("could not unmount " + mountPoint + ": " + result.output());
    }
  }

  private record Result(int code, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException noSuchCommand) {
      return new Result(127, String.valueOf(noSuchCommand.getMessage()));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(124, command[0] + " did not finish");
    }
    return new Result(process.exitValue(), output);
  }
}
