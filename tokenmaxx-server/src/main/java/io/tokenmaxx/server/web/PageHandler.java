package io.tokenmaxx.server.web;

/** Answers one page request. */
@FunctionalInterface
public interface PageHandler {
  Result handle(WebRequest request) throws Exception;
}
