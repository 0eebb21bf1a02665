package io.tokenmaxx.collect.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attribute lookups answer as a scan would (the first attribute with the key, else the resource's),
 * whether the item has few attributes (scanned) or many (indexed): seeded random attribute lists
 * with repeated keys, keys that differ in one character, empty keys and keys absent everywhere.
 */
class AttrsLookupPropertyTest {
  static final List<String> KEYS = List.of("session.id", "user.id", "user.email", "user.account_uuid", "model",
      "input_tokens", "output_tokens", "cache_read_tokens", "cache_creation_tokens", "cost_usd", "duration_ms",
      "event.name", "event.timestamp", "event.sequence", "prompt.id", "request_id", "organization.id",
      "terminal.type", "app.version", "a", "b", "ab", "ba", "", "session.ie", "sessionXid", "gen_ai.usage.input_tokens",
      "gen_ai.usage.output_tokens");

  static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
  }

  static List<KeyValue> randomList(Random rnd, int n, String tag) {
    List<KeyValue> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(kv(KEYS.get(rnd.nextInt(KEYS.size())), tag + i));
    return out;
  }

  static AnyValue scan(List<KeyValue> own, List<KeyValue> resource, String key) {
    for (KeyValue kv : own) if (kv.getKey().equals(key)) return kv.getValue();
    for (KeyValue kv : resource) if (kv.getKey().equals(key)) return kv.getValue();
    return null;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void lookupsAgreeWithAScan(long seed) {
    Random rnd = new Random(seed);
    for (int round = 0; round < 200; round++) {
      List<KeyValue> resource = randomList(rnd, rnd.nextInt(30), "r");
      List<KeyValue> own = randomList(rnd, rnd.nextInt(40), "o");
      Attrs attrs = new Attrs(own, new Attrs(resource, null, 1000), 1000);
      for (String key : KEYS) {
        AnyValue expected = scan(own, resource, key);
        assertThat(attrs.stringValue(key)).as("seed %d round %d key '%s' in %s", seed, round, key, own)
            .isEqualTo(expected == null ? null : expected.getStringValue());
      }
      assertThat(attrs.stringValue("absent.everywhere")).isNull();
    }
  }
}
