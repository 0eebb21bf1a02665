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
 * series gets the same key from protobuf and JSON, from any client. Input is gathered in a buffer
 * and handed to the digest in blocks (the digest's per-byte path is slow).
 */
final class Hasher {
  private static final Comparator<ByteString> BYTES = ByteString.unsignedLexicographicalComparator();
  private static final Comparator<KeyValue> BY_KEY = (a, b) -> BYTES.compare(a.getKeyBytes(),
      b.getKeyBytes());

  private final MessageDigest digest;
  private final byte[] buffer = new byte[512];
  private int used;

  /** Never updated: each hasher starts from a clone (cheaper than a provider lookup per item). */
  private static final MessageDigest PROTOTYPE;

  static {
    try {
      PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  Hasher() {
    try {
      digest = (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest is not cloneable", e);
    }
  }

  private Hasher(MessageDigest digest, byte[] buffer, int used) {
    this.digest = digest;
    System.arraycopy(buffer, 0, this.buffer, 0, used);
    this.used = used;
  }

  /** An independent copy holding everything hashed so far. */
  Hasher copy() {
    try {
      return new Hasher((MessageDigest) digest.clone(), buffer, used);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest is not cloneable", e);
    }
  }

  private void room(int n) {
    if (used + n > buffer.length) {
      digest.update(buffer, 0, used);
      used = 0;
    }
  }

  private Hasher putTag(int tag) {
    room(1);
    buffer[used++] = (byte) tag;
    return this;
  }

  private void putBytes(byte[] b, int off, int len) {
    if (len > buffer.length) {
      digest.update(buffer, 0, used);
      used = 0;
      digest.update(b, off, len);
      return;
    }
    room(len);
    System.arraycopy(b, off, buffer, used, len);
    used += len;
  }

  Hasher put(String s) {
    if (s == null) return putTag(0);
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putTag(1).putLong(b.length);
    putBytes(b, 0, b.length);
    return this;
  }

  Hasher put(ByteString b) {
    int n = b.size();
    putTag(2).putLong(n);
    if (n > buffer.length) {
      putBytes(b.toByteArray(), 0, n);
    } else {
      room(n);
      b.copyTo(buffer, used);
      used += n;
    }
    return this;
  }

  Hasher putLong(long v) {
    room(9);
    buffer[used++] = 3;
    for (int i = 0; i < 8; i++) buffer[used++] = (byte) (v >>> (56 - 8 * i));
    return this;
  }

  /** All attributes in key order, except the one named {@code skip} (may be null). */
  Hasher putAttributes(List<KeyValue> attributes, String skip) {
    int n = attributes.size();
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = BY_KEY.compare(attributes.get(i - 1), attributes.get(i)) <= 0;
    }
    List<KeyValue> ordered = attributes;
    if (!sorted) {
      KeyValue[] a = attributes.toArray(new KeyValue[0]);
      Arrays.sort(a, BY_KEY);
      ordered = Arrays.asList(a);
    }
    ByteString skipped = skip == null ? null : Attrs.keyBytes(skip);
    putTag(4);
    for (int i = 0; i < n; i++) {
      KeyValue kv = ordered.get(i);
      if (skipped != null && skipped.equals(kv.getKeyBytes())) continue;
      put(kv.getKeyBytes());
      putValue(kv.getValue());
    }
    return putTag(5);
  }

  private void putValue(AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE -> put(v.getStringValueBytes());
      case INT_VALUE -> putLong(v.getIntValue());
      case DOUBLE_VALUE -> putTag(6).putLong(Double.doubleToLongBits(v.getDoubleValue()));
      case BOOL_VALUE -> putTag(v.getBoolValue() ? 7 : 8);
      case BYTES_VALUE -> putTag(9).put(v.getBytesValue());
      case ARRAY_VALUE -> {
        putTag(10).putLong(v.getArrayValue().getValuesCount());
        for (AnyValue e : v.getArrayValue().getValuesList()) putValue(e);
      }
      case KVLIST_VALUE -> putTag(11).putAttributes(v.getKvlistValue().getValuesList(), null);
      case STRING_VALUE_STRINDEX -> putTag(12).putLong(v.getStringValueStrindex());
      case VALUE_NOT_SET -> putTag(13);
    }
  }

  private byte[] finish() {
    digest.update(buffer, 0, used);
    used = 0;
    return digest.digest();
  }

  /** The first 128 bits of the digest; this hasher must not be used afterwards. */
  SeriesKey key() {
    ByteBuffer b = ByteBuffer.wrap(finish());
    return new SeriesKey(b.getLong(), b.getLong());
  }

  /** The first 128 bits of the digest in hex; this hasher must not be used afterwards. */
  String hex() {
    return HexFormat.of().formatHex(finish(), 0, 16);
  }
}
