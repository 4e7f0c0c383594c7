package scot.pace.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
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

  /**
   * Replaces the folder {@code target} by {@code fresh} with two renames: the old one is moved
   * aside first and deleted only once the new one is in place, so a crash leaves one or the other
   * (or the old one beside, named {@code .<name>-old-*}), never half of one.
   */
  public static void swapIn(Path fresh, Path target) {
    Path old = target.resolveSibling("." + target.getFileName() + "-old-" + System.nanoTime());
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
