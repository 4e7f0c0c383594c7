package scot.pace.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Whole-folder operations for outputs that are written aside and then moved into place. */
public final class Folders {
  private Folders() {}

  public static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  public static void create(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create folder " + dir, e);
    }
  }

  /**
   * Moves a finished file or folder into place in one rename; an existing folder at the target is
   * removed first, an existing file replaced atomically.
   */
  public static void moveIntoPlace(Path finished, Path target) {
    try {
      if (Files.isDirectory(target)) {
        deleteRecursively(target);
      }
      Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + finished + " to " + target, e);
    }
  }

  /** Copies the folder {@code from}, everything under it, to {@code to} (created). */
  public static void copy(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path path : all.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  /** The name of a folder written aside: {@code .<name>-[old-]<pid>-<nanos>} (older ones had no pid). */
  private static final Pattern ASIDE = Pattern.compile("\\..+?-(?:old-)?(\\d+)(?:-\\d+)?");

  /**
   * A new empty folder beside {@code target} to write its replacement in (then {@link #swapIn}),
   * named {@code .<name>-<pid>-<nanos>} for this process. Folders of that form that a killed
   * process left in the same place (its process no longer runs) are deleted first, so
   * half-written outputs do not pile up.
   */
  public static Path aside(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    create(parent);
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path sibling : siblings.toList()) {
        Matcher aside = ASIDE.matcher(sibling.getFileName().toString());
        if (aside.matches() && Files.isDirectory(sibling) && !running(aside.group(1))) {
          deleteRecursively(sibling);
        }
      }
      return Files.createDirectories(parent.resolve(
          "." + target.getFileName() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder beside " + target + ": " + e.getMessage(), e);
    }
  }

  private static boolean running(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Replaces the folder {@code target} by {@code fresh} with two renames: the old one is moved
   * aside first and deleted only once the new one is in place, so a crash leaves one or the other
   * (or the old one beside, named {@code .<name>-old-*}, removed by the next {@link #aside}), never
   * half of one.
   */
  public static void swapIn(Path fresh, Path target) {
    Path old = target.resolveSibling(
        "." + target.getFileName() + "-old-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + fresh + " into place at " + target + ": " + e.getMessage(), e);
    }
    deleteRecursively(old);
  }

  /** The regular files under {@code folder}, and their bytes. */
  public record Contents(int files, long bytes) {}

  public static Contents contents(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      int files = 0;
      long bytes = 0;
      for (Path path : all.filter(Files::isRegularFile).toList()) {
        files++;
        bytes += Files.size(path);
      }
      return new Contents(files, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
  }
}
