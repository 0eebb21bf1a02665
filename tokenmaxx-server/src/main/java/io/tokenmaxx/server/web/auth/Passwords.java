package io.tokenmaxx.server.web.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;

/**
 * Password hashing with Argon2id (password4j), stored in the PHC string format
 * ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}) so the parameters travel with each hash and
 * can be raised later. The defaults follow OWASP's minimum: 19 MiB, 2 iterations, 1 lane.
 */
public final class Passwords {
  /** Shortest password accepted when an account is made or a password is changed. */
  public static final int MIN_LENGTH = 12;
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Argon2Function argon2;
  private final String dummyHash;

  public Passwords() {
    this(19 * 1024, 2, 1);
  }

  /** Custom cost (memory in KiB, iterations, lanes): tests use cheaper ones. */
  public Passwords(int memoryKib, int iterations, int parallelism) {
    this.argon2 = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID, 19);
    this.dummyHash = hash("not a password: only here so unknown accounts take as long to refuse");
  }

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
  }

  /** True when the password matches; a malformed hash never matches. */
  public boolean verify(String password, String hash) {
    if (password == null || hash == null || !hash.startsWith("$argon2")) return false;
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Spends the time of one verification, so a missing account answers as slowly as a wrong password. */
  public void verifyNothing(String password) {
    verify(password == null ? "" : password, dummyHash);
  }

  /** Why this password may not be used, or null when it may. */
  public static String weakness(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > 256) return "must be at most 256 characters";
    if (password.chars().distinct().count() < 5) return "must not repeat a few characters";
    return null;
  }

  /** A random password of 20 characters (about 116 bits), easy to copy: no look-alike characters. */
  public static String generate() {
    StringBuilder sb = new StringBuilder(23);
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) sb.append('-');
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
