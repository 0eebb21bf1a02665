package io.tokenmaxx.server.auth;

import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * On the first start (no active admin token anywhere), creates one and writes its secret to
 * {@code DATA/admin-token}, readable by the owner only. Later starts leave everything as it is.
 */
public final class AdminBootstrap {
  private AdminBootstrap() {}

  /** Returns the file written, or null when an admin token already existed. */
  public static Path ensureAdminToken(TokenStore tokens, Path file) {
    boolean hasAdmin = tokens.list().stream()
        .anyMatch(t -> t.active() && t.scope() == TokenScope.ADMIN);
    if (hasAdmin) return null;
    TokenStore.NewToken created = tokens.create(TokenScope.ADMIN, null, null,
        "created at first start");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, created.secret() + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      ApiToken t = created.token();
      tokens.revoke(t.id());
      throw new UncheckedIOException("cannot write the admin token to " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
