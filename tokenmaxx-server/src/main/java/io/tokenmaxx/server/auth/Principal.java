package io.tokenmaxx.server.auth;

import java.util.Set;

/**
 * Who is calling, as established from an API token or a dashboard session.
 *
 * @param subject  token id or account name, for logs and the audit trail
 * @param scopes   what the caller may do
 * @param personId the person the caller is (person tokens, accounts), null for team/admin tokens
 * @param team     the team a team-scoped ingest token belongs to, else null
 */
public record Principal(String subject, Set<Scope> scopes, String personId, String team) {

  public enum Scope { INGEST, READ, ADMIN }

  public boolean can(Scope s) {
    return scopes.contains(s) || scopes.contains(Scope.ADMIN);
  }
}
