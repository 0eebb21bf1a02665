package io.tokenmaxx.server.api;

import io.tokenmaxx.analyze.Pseudonyms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The server's pseudonym key: 32 random bytes in {@code DATA/pseudonym-key} (owner-only), made at
 * the first start. Keep it with the data: a new key gives everyone new pseudonyms. Servers sharing
 * a PostgreSQL store should share the file.
 */
public final class PseudonymKey {
  private PseudonymKey() {}

  public static Pseudonyms loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
          Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(tmp);
        }
        Files.write(tmp, key);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      byte[] key = Files.readAllBytes(file);
      if (key.length < 16) {
        throw new IllegalStateException("pseudonym key " + file + " is too short (" + key.length
            + " bytes); delete it to make a new one (pseudonyms will change)");
      }
      return new Pseudonyms(key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the pseudonym key " + file + ": " + e.getMessage(), e);
    }
  }
}
