package io.tokenmaxx.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Secrets the server makes once and keeps in its data directory, readable by the owner only: the
 * key pseudonyms are derived with (changing it changes every pseudonym).
 */
final class ServerSecrets {
  private ServerSecrets() {}

  /** The 32-byte key in {@code file}, created on first use. */
  static byte[] key(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        byte[] b = Files.readAllBytes(file);
        if (b.length < 16) throw new IllegalStateException(file + " holds " + b.length + " bytes; a key needs 32 (delete it to make a new one)");
        return b;
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] b = new byte[32];
      new SecureRandom().nextBytes(b);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.write(file, b);
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key file " + file + ": " + e.getMessage(), e);
    }
  }
}
