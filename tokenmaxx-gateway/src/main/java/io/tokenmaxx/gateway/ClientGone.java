package io.tokenmaxx.gateway;

/** The client went away while its answer was being written. */
final class ClientGone extends RuntimeException {
  ClientGone(Throwable cause) {
    super("client closed the connection", cause, false, false);
  }
}
