package io.tokenmaxx.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets and how they are kept: a secret is {@code tmx_} + 32 random bytes (base64url); only
 * its SHA-256 is stored. A fast hash is enough here because the secret has 256 bits of entropy:
 * nothing can be guessed, unlike a password (which would need Argon2).
 */
public final class TokenSecrets {
  public static final String PREFIX = "tmx_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  public static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public static String newId() {
    byte[] b = new byte[9];
    RANDOM.nextBytes(b);
    return "tok_" + HexFormat.of().formatHex(b);
  }

  /** Lower-case hex SHA-256 of the secret's UTF-8 bytes. */
  public static String hash(String secret) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
