package io.tokenmaxx.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from a command into one line a person can act on, exit code 1. Set
 * {@code TOKENMAXX_DEBUG=1} to get the stack trace too.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    if (ex instanceof CommandLine.ParameterException pe) {
      cl.getErr().println("error: " + pe.getMessage());
      pe.getCommandLine().usage(cl.getErr());
      return cl.getCommandSpec().exitCodeOnInvalidInput();
    }
    return print(ex, cl.getErr());
  }

  /** Writes a command's failure as one line (and the stack trace with TOKENMAXX_DEBUG); returns 1. */
  static int print(Exception ex, java.io.PrintWriter err) {
    err.println("error: " + describe(ex));
    if (System.getenv("TOKENMAXX_DEBUG") != null) ex.printStackTrace(err);
    err.flush();
    return 1;
  }

  static String describe(Throwable ex) {
    Throwable t = ex;
    if (t instanceof UncheckedIOException u) t = u.getCause();
    if (t instanceof NoSuchFileException n) return "no such file: " + n.getFile();
    if (t instanceof IOException && t.getMessage() != null) return t.getMessage();
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
