package scot.pace.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import org.apache.hadoop.fs.FSError;
import org.junit.jupiter.api.Test;

/** A full disk, however it arrives, is named as one, with exit 3 (a fault, not the user's input). */
class DiskFullTest {
  @Test
  void hadoopsFsErrorAndSparksNoSpaceLeftAreNamedAsAFullDisk() throws Exception {
    Constructor<FSError> make = FSError.class.getDeclaredConstructor(Throwable.class);
    make.setAccessible(true);
    FSError fromHadoop = make.newInstance(new IOException("No space left on device"));
    RuntimeException fromSpark = new RuntimeException("Job aborted",
        new IllegalStateException("task failed", new IOException("write failed:\n No space left on device")));
    for (Throwable failure : new Throwable[] {fromHadoop, fromSpark}) {
      String said = PaceCommand.diskFull(failure).orElseThrow();
      assertTrue(said.startsWith("the disk is full (") && said.endsWith("then run it again"), said);
      assertTrue(said.contains("No space left on device"), said);
      assertEquals(ExitCode.JOB_FAILURE, ExitCode.after(failure, false));
    }
    assertTrue(PaceCommand.diskFull(new IOException("Permission denied")).isEmpty());
  }

  @picocli.CommandLine.Command(name = "fill")
  static final class FillsTheDisk extends PaceCommand {
    @Override
    ExitCode run() throws Exception {
      Constructor<FSError> make = FSError.class.getDeclaredConstructor(Throwable.class);
      make.setAccessible(true);
      throw make.newInstance(new IOException("No space left on device"));
    }
  }

  @Test
  void aCommandStoppedByAFullDiskExits3WithTheReasonAndNoStackTrace() {
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
      code = new picocli.CommandLine(new FillsTheDisk()).execute();
    } finally {
      System.setErr(err);
    }
    String text = said.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(3, code, text);
    assertTrue(text.startsWith("pace fill failed: the disk is full (java.io.IOException: No space left on device)"), text);
    assertTrue(!text.contains("\tat "), "no stack trace without -v: " + text);
  }
}
