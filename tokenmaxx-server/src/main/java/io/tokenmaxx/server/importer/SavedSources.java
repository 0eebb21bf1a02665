package io.tokenmaxx.server.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmaxx.collect.vendor.ImporterConfig;
import io.tokenmaxx.collect.vendor.Secret;
import io.tokenmaxx.collect.vendor.Vendor;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.storage.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Import sources an admin configured through the API, kept across restarts: the settings in the
 * store's collector state (namespace {@code importers}), the admin key in a file of its own in the
 * data folder ({@code importer-keys/<vendor>.key}, readable by the server's user only) — never in
 * the database, never in a message.
 */
final class SavedSources {
  static final String NAMESPACE = "importers";

  private final StateStore state;
  private final Path keys;

  SavedSources(StateStore state, Path dataDir) {
    this.state = state;
    this.keys = dataDir.resolve("importer-keys");
  }

  List<ImporterConfig> load() {
    List<ImporterConfig> out = new ArrayList<>();
    for (Map.Entry<String, String> e : state.load(NAMESPACE).entrySet()) {
      Vendor v = Vendor.parse(e.getKey());
      JsonNode n;
      try {
        n = Json.MAPPER.readTree(e.getValue());
      } catch (IOException x) {
        throw new IllegalStateException("stored settings of import source " + v.id() + " cannot be read", x);
      }
      Secret key = Secret.fromFile(keyFile(v), "importers." + v.id() + ".admin-key (set through the admin API)");
      out.add(new ImporterConfig(v, key, URI.create(n.get("baseUrl").asText()), Duration.parse(n.get("interval").asText()),
          n.get("backfill").asInt(), n.get("reread").asInt(),
          n.hasNonNull("organization") ? n.get("organization").asText() : null, n.get("pageSize").asInt()));
    }
    return out;
  }

  /** Keeps {@code c}; {@code key} is the new admin key, or null to keep the one saved before. */
  void save(ImporterConfig c, String key) {
    if (key != null) writeKey(c.vendor(), key);
    else if (!Files.isRegularFile(keyFile(c.vendor()))) {
      throw new IllegalArgumentException("adminKey is required for a new source");
    }
    ObjectNode n = Json.MAPPER.createObjectNode().put("baseUrl", c.baseUrl().toString())
        .put("interval", c.interval().toString()).put("backfill", c.backfillDays()).put("reread", c.rereadDays())
        .put("organization", c.organization()).put("pageSize", c.pageSize());
    state.put(NAMESPACE, Map.of(c.vendor().id(), n.toString()));
  }

  boolean contains(Vendor v) {
    return state.load(NAMESPACE).containsKey(v.id());
  }

  /** The saved key, for settings changed without a new key. */
  Secret key(Vendor v) {
    return Secret.fromFile(keyFile(v), "importers." + v.id() + ".admin-key (set through the admin API)");
  }

  void remove(Vendor v) {
    state.remove(NAMESPACE, List.of(v.id()));
    try {
      Files.deleteIfExists(keyFile(v));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the saved key of " + v.id(), e);
    }
  }

  private Path keyFile(Vendor v) {
    return keys.resolve(v.id() + ".key");
  }

  private void writeKey(Vendor v, String key) {
    try {
      Files.createDirectories(keys);
      Path tmp = Files.createTempFile(keys, v.id(), ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the data folder's own permissions apply
      }
      Files.writeString(tmp, key.strip() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, keyFile(v), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the admin key of " + v.id() + " in " + keys, e);
    }
  }
}
