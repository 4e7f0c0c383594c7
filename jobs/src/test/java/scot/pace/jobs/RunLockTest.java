package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir Path dir;
  ByteArrayOutputStream said = new ByteArrayOutputStream();
  Progress progress = new Progress(new PrintStream(said, true));

  @Test
  void aSecondRunCannotTakeAHeldLockAndTheFirstReleasesIt() {
    try (RunLock first = RunLock.acquire(dir, "run-1", progress)) {
      RunLock.HeldException held = assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(dir, "run-2", progress));
      assertTrue(held.getMessage().contains("run-1"), held.getMessage());
      assertTrue(held.getMessage().contains(String.valueOf(ProcessHandle.current().pid())), held.getMessage());
    }
    assertFalse(Files.exists(dir.resolve(RunLock.FILE)), "released");
    RunLock.acquire(dir, "run-3", progress).close();
  }

  @Test
  void aLockLeftByAProcessThatIsGoneIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(dir.resolve(RunLock.FILE), gone.pid() + " " + RunLock.thisHost() + " killed-run 2026-01-01T00:00:00Z\n");
    try (RunLock lock = RunLock.acquire(dir, "run-4", progress)) {
      assertTrue(said.toString().contains("taking over a stale lock left by process " + gone.pid()), said.toString());
      assertTrue(Files.readString(dir.resolve(RunLock.FILE)).contains("run-4"));
    }
    try (var left = Files.list(dir)) {
      assertTrue(left.findAny().isEmpty(), "nothing left behind");
    }
  }

  @Test
  void aHalfWrittenLockIsStaleToo() throws Exception {
    Files.writeString(dir.resolve(RunLock.FILE), "12");
    RunLock.acquire(dir, "run-5", progress).close();
  }
}
