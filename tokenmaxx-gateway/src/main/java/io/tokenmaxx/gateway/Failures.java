package io.tokenmaxx.gateway;

import java.net.SocketTimeoutException;
import java.util.Locale;

/** How an upstream call failed, in words for the record and the client. */
final class Failures {
  private Failures() {}

  static boolean isTimeout(Throwable e) {
    for (Throwable x = e; x != null; x = x.getCause()) {
      if (x instanceof SocketTimeoutException) return true;
      String m = x.getMessage();
      if (m != null && m.toLowerCase(Locale.ROOT).contains("timed out")) return true;
    }
    return false;
  }

  /** The innermost cause's type and message (connection refused, reset, ...). */
  static String rootMessage(Throwable e) {
    Throwable x = e;
    while (x.getCause() != null && x.getCause() != x) x = x.getCause();
    String m = x.getMessage();
    return x.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
