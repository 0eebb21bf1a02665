package io.tokenmaxx.cli.report;

import java.lang.management.ManagementFactory;

/**
 * Phase timings on stderr when {@code TOKENMAXX_TIMING} is set: wall time and the process's CPU
 * time (all threads, JIT and GC included), JVM start included.
 */
final class Timing {
  private final boolean on;
  private long lastWall;
  private long lastCpu;

  Timing(boolean on) {
    this.on = on;
    if (on) {
      long start = ManagementFactory.getRuntimeMXBean().getStartTime();
      lastCpu = cpu();
      System.err.printf("timing: %-10s %5d ms wall %5d ms cpu%n", "jvm", System.currentTimeMillis() - start, lastCpu / 1_000_000);
    }
    lastWall = System.nanoTime();
  }

  void mark(String phase) {
    if (!on) return;
    long now = System.nanoTime();
    long cpu = cpu();
    System.err.printf("timing: %-10s %5d ms wall %5d ms cpu%n", phase, (now - lastWall) / 1_000_000, (cpu - lastCpu) / 1_000_000);
    lastWall = now;
    lastCpu = cpu;
  }

  private static long cpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
  }
}
