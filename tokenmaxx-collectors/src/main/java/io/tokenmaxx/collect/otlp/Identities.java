package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.RawIdentity.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity attributes agents and apps report, in the order one is preferred as a record's
 * primary identity: a person's e-mail first, then account ids, then install or end-user ids, the
 * organization last.
 */
final class Identities {
  private record Source(String attribute, Kind kind) {}

  private static final List<Source> SOURCES = List.of(
      new Source("user.email", Kind.EMAIL),
      new Source("user.account_uuid", Kind.ACCOUNT_UUID),
      new Source("user.account_id", Kind.ACCOUNT_UUID),
      new Source("user.id", Kind.USER_ID),
      new Source("enduser.id", Kind.USER_ID),
      new Source("installation.id", Kind.USER_ID),
      new Source("organization.id", Kind.ORGANIZATION_ID));

  private Identities() {}

  /** All identities the attributes carry, the preferred first; empty when none. */
  static List<RawIdentity> of(Attrs attrs) {
    List<RawIdentity> found = null;
    for (Source s : SOURCES) {
      String v = attrs.string(s.attribute());
      if (v == null) continue;
      if (found == null) found = new ArrayList<>(3);
      RawIdentity id = new RawIdentity(s.kind(), v);
      if (!found.contains(id)) found.add(id);
    }
    return found == null ? List.of() : found;
  }
}
