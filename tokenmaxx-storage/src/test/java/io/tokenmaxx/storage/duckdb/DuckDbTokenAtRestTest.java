package io.tokenmaxx.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenSecrets;
import io.tokenmaxx.identity.TokenStore.NewToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file holds the token's hash, never its secret. */
class DuckDbTokenAtRestTest {
  @TempDir Path dir;

  @Test
  void onlyTheHashIsStored() throws Exception {
    Path file = dir.resolve("tokens.db");
    NewToken t;
    try (DuckDbStorage s = DuckDbStorage.builder().path(file).build()) {
      t = s.tokens().create(TokenScope.INGEST, "ana", null, "laptop");
    }
    StringBuilder everything = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM api_token")) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) everything.append(rs.getString(i)).append('|');
      }
    }
    assertThat(everything.toString()).doesNotContain(t.secret()).contains(TokenSecrets.hash(t.secret()));
    String secretTail = t.secret().substring(TokenSecrets.PREFIX.length());
    for (Path p : Files.list(dir).toList()) {
      assertThat(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secretTail);
    }
  }
}
