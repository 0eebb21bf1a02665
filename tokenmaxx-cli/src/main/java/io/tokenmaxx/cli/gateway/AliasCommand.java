package io.tokenmaxx.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.cli.remote.TokenOptions;
import io.tokenmaxx.gateway.keys.PassThroughIdentity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tokenmaxx token alias}: attributes a person's own provider key (pass-through mode) to
 * them. The key is hashed here and only the hash is sent, as a directory alias; requests made with
 * the key before are re-attributed too.
 */
@Command(name = "alias", mixinStandardHelpOptions = true,
    description = {"Attribute requests made through the metering gateway with a person's own provider key (pass-through) "
        + "to that person. The key is read from standard input (or --key-env VAR, --key-file FILE) and hashed here: only "
        + "api_key:sha256-... reaches the server, as a directory alias. Needs an admin token."})
public final class AliasCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin TokenOptions auth;

  @Option(names = "--person", required = true, paramLabel = "ID",
      description = "the person's id in the directory (people added by 'token create --person EMAIL' have the e-mail as id)")
  String person;

  @Option(names = "--key-env", paramLabel = "VAR",
      description = "read the provider key from this environment variable (e.g. ANTHROPIC_API_KEY) instead of standard input")
  String keyEnv;

  @Option(names = "--key-file", paramLabel = "FILE", description = "read the provider key from this file")
  java.nio.file.Path keyFile;

  @Override
  public Integer call() throws Exception {
    String key;
    if (keyFile != null) {
      key = java.nio.file.Files.readString(keyFile).strip();
      if (key.isEmpty()) throw new IllegalArgumentException("--key-file " + keyFile + " is empty");
    } else if (keyEnv != null) {
      key = System.getenv(keyEnv);
      if (key == null || key.isBlank()) throw new IllegalArgumentException("--key-env " + keyEnv + " is not set or empty");
    } else {
      key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (key == null || key.isBlank()) throw new IllegalArgumentException("give the provider key on standard input or with --key-env VAR");
    }
    String identity = PassThroughIdentity.of(key).toString();
    JsonNode r = auth.client().json("POST", "/api/v1/aliases",
        Map.of("aliases", List.of(Map.of("identity", identity, "person", person))));
    spec.commandLine().getErr().println("requests with that key are now attributed to " + person
        + (r.hasNonNull("reattributed") ? " (" + r.get("reattributed").path("usage").asLong()
            + " earlier records re-attributed)" : ""));
    spec.commandLine().getOut().println(identity);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
