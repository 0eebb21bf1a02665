package io.tokenmaxx.server.web;

/** Who may open a route. */
public enum Access {
  /** Anyone (the sign-in page). */
  PUBLIC,
  /** Any signed-in account; the page scopes its data to the account's {@code Viewer}. */
  SIGNED_IN,
  /** Admin accounts only. */
  ADMIN
}
