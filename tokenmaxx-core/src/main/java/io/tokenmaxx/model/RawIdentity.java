package io.tokenmaxx.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An identity exactly as a source reported it, before it is resolved to a person: an e-mail, an
 * agent account uuid, a hashed install id, a gateway key id, a git e-mail, a host user.
 *
 * <p>E-mails are compared case-insensitively, so they are lower-cased here; other kinds are kept
 * as given.
 */
public record RawIdentity(Kind kind, String value) {

  public enum Kind {
    EMAIL, ACCOUNT_UUID, USER_ID, ORGANIZATION_ID, API_KEY, GIT_EMAIL, HOST_USER, PERSON_ID;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String label) {
      try {
        return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown identity kind '" + label + "', expected one of "
            + java.util.Arrays.stream(values()).map(Kind::label).toList());
      }
    }
  }

  public RawIdentity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    value = value.trim();
    if (value.isEmpty()) throw new IllegalArgumentException("identity value must not be blank");
    if (kind == Kind.EMAIL || kind == Kind.GIT_EMAIL) value = value.toLowerCase(Locale.ROOT);
  }

  public static RawIdentity email(String email) {
    return new RawIdentity(Kind.EMAIL, email);
  }

  /** {@code kind:value}, the form used in storage and on the wire. */
  @Override
  public String toString() {
    return kind.label() + ":" + value;
  }

  /** Parses {@code kind:value}; a bare value containing '@' is taken as an e-mail. */
  public static RawIdentity parse(String text) {
    Objects.requireNonNull(text, "identity");
    int colon = text.indexOf(':');
    if (colon > 0) {
      String label = text.substring(0, colon);
      for (Kind k : Kind.values()) {
        if (k.label().equals(label)) return new RawIdentity(k, text.substring(colon + 1));
      }
    }
    if (text.indexOf('@') > 0) return email(text);
    throw new IllegalArgumentException("identity '" + text + "' is not kind:value (kinds: "
        + java.util.Arrays.stream(Kind.values()).map(Kind::label).toList() + ") nor an e-mail");
  }
}
