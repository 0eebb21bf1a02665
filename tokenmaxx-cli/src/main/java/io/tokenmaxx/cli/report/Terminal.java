package io.tokenmaxx.cli.report;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the output streams are connected to: whether stdout and stderr are terminals (colours and
 * progress only there), how wide the terminal is, and whether it takes UTF-8 (box-drawing rules).
 */
record Terminal(boolean stdoutTty, boolean stderrTty, int width, boolean color, boolean unicode) {

  static Terminal detect(Map<String, String> env, Boolean colorFlag, Integer widthFlag) {
    boolean out = isTty(1);
    boolean err = isTty(2);
    boolean color;
    if (colorFlag != null) color = colorFlag;
    else color = out && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
    if (env.get("FORCE_COLOR") != null && colorFlag == null) color = true;
    int width = widthFlag != null ? widthFlag : columns(env, out);
    Charset cs = stdoutCharset();
    boolean unicode = cs.name().toUpperCase().startsWith("UTF");
    return new Terminal(out, err, width, color, unicode);
  }

  /** True when file descriptor {@code fd} is a terminal (Linux: /proc; elsewhere: the console). */
  private static boolean isTty(int fd) {
    try {
      Path link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
      String t = link.toString();
      return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

  private static int columns(Map<String, String> env, boolean tty) {
    String c = env.get("COLUMNS");
    if (c != null) {
      try {
        int v = Integer.parseInt(c.trim());
        if (v > 20) return v;
      } catch (NumberFormatException ignored) {
        // fall through
      }
    }
    return tty ? 120 : 120;
  }

  private static Charset stdoutCharset() {
    String enc = System.getProperty("stdout.encoding");
    try {
      return enc == null ? Charset.defaultCharset() : Charset.forName(enc);
    } catch (RuntimeException e) {
      return Charset.defaultCharset();
    }
  }
}
