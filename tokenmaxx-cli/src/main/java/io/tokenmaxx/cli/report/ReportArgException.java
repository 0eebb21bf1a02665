package io.tokenmaxx.cli.report;

/**
 * Options that parse but do not go together (e.g. {@code --since} after {@code --until}): the
 * command line reports it as a usage error, with the command's help.
 */
final class ReportArgException extends RuntimeException {
  ReportArgException(String message) {
    super(message);
  }
}
