package scot.pace.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One nightly run at a time over a lake: a lock file created atomically, holding the process id,
 * host, run id and start time of its holder. A second run finds it and stops; a lock whose holder
 * on this host is gone (killed, crashed) is stale and is taken over, by renaming it aside first so
 * that of two runs taking it over at once only one succeeds.
 */
final class RunLock implements AutoCloseable {
  static final String FILE = "_pace_nightly.lock";

  private final Path file;

  private RunLock(Path file) {
    this.file = file;
  }

  /** Raised when another live run holds the lock. */
  static final class HeldException extends RuntimeException {
    HeldException(String message) {
      super(message);
    }
  }

  /** What a lock file says about its holder. */
  record Holder(long pid, String host, String runId, String started) {
    static Optional<Holder> read(Path file) {
      try {
        String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
        return Optional.of(new Holder(Long.parseLong(parts[0]), parts[1], parts[2], parts[3]));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException | RuntimeException e) {
        // Unreadable or half-written (the holder died while writing it): nobody holds it.
        return Optional.of(new Holder(-1, "?", "?", "?"));
      }
    }

    boolean alive() {
      return pid > 0 && host.equals(thisHost()) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    String describe() {
      return "process " + pid + " on " + host + " (run " + runId + ", started " + started + ")";
    }
  }

  /**
   * Takes the lock in {@code folder}, taking over a stale one.
   *
   * @throws HeldException when a live run holds it
   */
  static RunLock acquire(Path folder, String runId, Progress progress) {
    Path file = folder.resolve(FILE);
    try {
      Files.createDirectories(folder);
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          Path temp = folder.resolve(FILE + "." + ProcessHandle.current().pid() + ".tmp");
          Files.writeString(temp, ProcessHandle.current().pid() + " " + thisHost() + " " + runId + " "
              + Instant.now() + "\n", StandardCharsets.UTF_8);
          try {
            // A hard link is created atomically and fails if the name exists: the lock appears whole.
            Files.createLink(file, temp);
          } finally {
            Files.deleteIfExists(temp);
          }
          return new RunLock(file);
        } catch (FileAlreadyExistsException e) {
          Optional<Holder> holder = Holder.read(file);
          if (holder.isPresent() && holder.get().alive()) {
            throw new HeldException("another nightly run holds the lock " + file + ": " + holder.get().describe()
                + ". Wait for it to finish; if that process is not running, delete the lock file.");
          }
          if (holder.isPresent() && !holder.get().host.equals(thisHost()) && !holder.get().host.equals("?")) {
            throw new HeldException("the lock " + file + " is held by " + holder.get().describe()
                + ", on another host, whose process this run cannot check. If that run is not going, delete the"
                + " lock file.");
          }
          holder.ifPresent(h -> progress.say("  taking over a stale lock left by " + h.describe()));
          try {
            Files.move(file, folder.resolve(FILE + ".stale-" + System.nanoTime()), StandardCopyOption.ATOMIC_MOVE);
          } catch (NoSuchFileException gone) {
            // Another run moved it first; try again.
          }
        }
      }
      throw new HeldException("could not take the lock " + file + ": another run keeps taking it");
    } catch (IOException e) {
      throw new UncheckedIOException("could not take the lock " + file + ": " + e.getMessage(), e);
    } finally {
      cleanStale(folder);
    }
  }

  private static void cleanStale(Path folder) {
    try (var files = Files.list(folder)) {
      for (Path stale : files.filter(p -> p.getFileName().toString().startsWith(FILE + ".stale-")).toList()) {
        Files.deleteIfExists(stale);
      }
    } catch (IOException ignored) {
      // Only tidying.
    }
  }

  static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("\\s", "_");
    } catch (IOException e) {
      return "localhost";
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not release the lock " + file + ": " + e.getMessage(), e);
    }
  }
}
