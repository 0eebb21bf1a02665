package io.tokenmaxx.cli.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --server URL} plus a token given inline, in a file, or in TOKENMAXX_TOKEN. */
public final class TokenOptions {
  @Option(names = "--server", paramLabel = "URL",
      description = "tokenmaxx server, e.g. http://localhost:8420 (or TOKENMAXX_SERVER)",
      defaultValue = "${env:TOKENMAXX_SERVER}")
  public String server;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "API token (or TOKENMAXX_TOKEN); prefer --token-file so it stays out of the shell history",
      defaultValue = "${env:TOKENMAXX_TOKEN}")
  String token;

  @Option(names = {"--token-file", "--admin-token-file"}, paramLabel = "FILE",
      description = "file holding the token (e.g. DATA/admin-token written by the first 'serve')")
  Path tokenFile;

  public String token() {
    if (tokenFile != null) {
      try {
        String t = Files.readString(tokenFile).strip();
        if (t.isEmpty()) throw new IllegalArgumentException("--token-file " + tokenFile + " is empty");
        return t;
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("--token-file " + tokenFile + " does not exist");
      } catch (IOException e) {
        throw new IllegalArgumentException("--token-file " + tokenFile + " cannot be read: " + e.getMessage());
      }
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("give a token with --token, --token-file or TOKENMAXX_TOKEN");
    }
    return token.strip();
  }

  public ServerClient client() {
    if (server == null || server.isBlank()) {
      throw new IllegalArgumentException("give the server with --server URL or TOKENMAXX_SERVER");
    }
    return new ServerClient(server, token());
  }
}
