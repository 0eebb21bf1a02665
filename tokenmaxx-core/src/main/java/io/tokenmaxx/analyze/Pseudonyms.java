package io.tokenmaxx.analyze;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms for people: {@code HMAC-SHA256(secret, view, person id)}, shown as a code such as
 * {@code anon-7kq2m9xd}. A pseudonym holds within one view only — one viewer, one range, one set
 * of filters and one ranking — so rows of two views, two viewers or two periods cannot be joined
 * through it, and nobody can publish a mapping that holds for anyone else (RATIONALE.md, "Privacy
 * model"). Without the server's secret nobody can compute one from a person id.
 */
public final class Pseudonyms {
  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private final SecretKeySpec key;

  /** @param secret at least 16 bytes of server secret */
  public Pseudonyms(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < 16) throw new IllegalArgumentException("pseudonym secret must be at least 16 bytes, was " + secret.length);
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The pseudonym of a person id within one view (any text that names the view exactly). */
  public String of(String view, String personId) {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(personId, "personId");
    byte[] mac;
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      m.update(view.getBytes(StandardCharsets.UTF_8));
      m.update((byte) 0);
      mac = m.doFinal(personId.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
    StringBuilder sb = new StringBuilder("anon-");
    long bits = 0;
    for (int i = 0; i < 8; i++) bits = (bits << 8) | (mac[i] & 0xff);
    for (int i = 0; i < 8; i++) {
      sb.append(ALPHABET[(int) Long.remainderUnsigned(bits, ALPHABET.length)]);
      bits = Long.divideUnsigned(bits, ALPHABET.length);
    }
    return sb.toString();
  }
}
