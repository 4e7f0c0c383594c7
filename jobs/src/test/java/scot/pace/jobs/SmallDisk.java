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

  /** Mounts {@code megabytes} at {@code mountPoint}; skips the test (fails it under CI) where mounting is not allowed. */
  static SmallDisk mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    Result mounted = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
    ExternalTool.require(mounted.code() == 0, "to mount a small filesystem (tmpfs) of its own, which needs root"
        + " (mount said: " + mounted.output().strip() + ")", "run the tests as root");
    return new SmallDisk(mountPoint);
  }

  /** More room, keeping every file: the operator has freed space. */
  void grow(int megabytes) throws IOException, InterruptedException {
    Result result = run("mount", "-o", "remount,size=" + megabytes + "m", mountPoint.toString());
    if (result.code() != 0) {
      throw new IOException("could not give " + mountPoint + " more room: " + result.output());
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
