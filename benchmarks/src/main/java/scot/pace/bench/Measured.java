package scot.pace.bench;

/**
 * One stage as measured: wall and CPU seconds of its process, its peak resident memory, and the
 * rows it worked through per wall second.
 *
 * @param stage the stage, as the harness names it
 * @param command what ran
 * @param wallSeconds from process start to exit
 * @param cpuSeconds user and system time of the process
 * @param peakRssMb the process's peak resident set (VmHWM), in MB
 * @param rows the rows of the returns the stage works through (0 when it reads none)
 * @param exitCode the process's exit code
 */
record Measured(String stage, String command, double wallSeconds, double cpuSeconds, double peakRssMb, long rows,
    int exitCode) {

  double rowsPerSecond() {
    return rows == 0 || wallSeconds == 0 ? 0 : rows / wallSeconds;
  }
}
