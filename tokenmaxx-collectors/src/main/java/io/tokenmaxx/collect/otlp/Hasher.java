package io.tokenmaxx.collect.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over a canonical, length-prefixed encoding of what identifies a series or an event, cut
 * to 128 bits. Attributes are hashed in key order whatever order they arrived in, so the same
 * series gets the same key from protobuf and JSON, from any client.
 */
final class Hasher implements Cloneable {
  private static final Comparator<KeyValue> BY_KEY = Comparator.comparing(KeyValue::getKey);

  private final MessageDigest digest;
  private byte[] scratch = new byte[64];

  Hasher() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private Hasher(MessageDigest digest) {
    this.digest = digest;
  }

  /** An independent copy holding everything hashed so far. */
  Hasher copy() {
    try {
      return new Hasher((MessageDigest) digest.clone());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest is not cloneable", e);
    }
  }

  Hasher put(String s) {
    if (s == null) {
      putTag((byte) 0);
      return this;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putTag((byte) 1).putLong(b.length);
    digest.update(b);
    return this;
  }

  Hasher put(ByteString b) {
    int n = b.size();
    putTag((byte) 2).putLong(n);
    if (n > scratch.length) scratch = new byte[Math.max(n, scratch.length * 2)];
    b.copyTo(scratch, 0);
    digest.update(scratch, 0, n);
    return this;
  }

  Hasher putLong(long v) {
    byte[] s = scratch;
    s[0] = 3;
    for (int i = 0; i < 8; i++) s[1 + i] = (byte) (v >>> (56 - 8 * i));
    digest.update(s, 0, 9);
    return this;
  }

  private Hasher putTag(byte tag) {
    digest.update(tag);
    return this;
  }

  /** All attributes in key order, except the one named {@code skip} (may be null). */
  Hasher putAttributes(List<KeyValue> attributes, String skip) {
    int n = attributes.size();
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = attributes.get(i - 1).getKey().compareTo(attributes.get(i).getKey()) <= 0;
    }
    List<KeyValue> ordered = attributes;
    if (!sorted) {
      KeyValue[] a = attributes.toArray(new KeyValue[0]);
      Arrays.sort(a, BY_KEY);
      ordered = Arrays.asList(a);
    }
    putTag((byte) 4);
    for (int i = 0; i < n; i++) {
      KeyValue kv = ordered.get(i);
      if (skip != null && skip.equals(kv.getKey())) continue;
      put(kv.getKeyBytes());
      putValue(kv.getValue());
    }
    return putTag((byte) 5);
  }

  private void putValue(AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE -> put(v.getStringValueBytes());
      case INT_VALUE -> putLong(v.getIntValue());
      case DOUBLE_VALUE -> putTag((byte) 6).putLong(Double.doubleToLongBits(v.getDoubleValue()));
      case BOOL_VALUE -> putTag((byte) (v.getBoolValue() ? 7 : 8));
      case BYTES_VALUE -> putTag((byte) 9).put(v.getBytesValue());
      case ARRAY_VALUE -> {
        putTag((byte) 10).putLong(v.getArrayValue().getValuesCount());
        for (AnyValue e : v.getArrayValue().getValuesList()) putValue(e);
      }
      case KVLIST_VALUE -> putTag((byte) 11).putAttributes(v.getKvlistValue().getValuesList(), null);
      case STRING_VALUE_STRINDEX -> putTag((byte) 12).putLong(v.getStringValueStrindex());
      case VALUE_NOT_SET -> putTag((byte) 13);
    }
  }

  /** The first 128 bits of the digest; this hasher must not be used afterwards. */
  SeriesKey key() {
    byte[] d = digest.digest();
    ByteBuffer b = ByteBuffer.wrap(d);
    return new SeriesKey(b.getLong(), b.getLong());
  }

  /** The first 128 bits of the digest in hex; this hasher must not be used afterwards. */
  String hex() {
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }
}
