package io.tokenmaxx.collect.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.tokenmaxx.model.Tools;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the mappers need from one resource: its attributes, digest, service and org attributes. */
final class ResourceContext {
  private static final List<String> NOISE_PREFIXES = List.of("telemetry.", "process.", "os.",
      "host.", "service.", "container.", "k8s.", "cloud.", "webengine.", "device.");
  private static final int MAX_ORG_ATTRIBUTES = 32;
  private static final int MAX_ORG_VALUE_LENGTH = 256;

  final Attrs attrs;
  final String serviceName;
  /** The coding agent this resource is, by {@code service.name}; null for anything else. */
  final String agentTool;
  final Map<String, String> orgAttributes;
  private final List<KeyValue> list;
  private Hasher digest;

  ResourceContext(Resource resource, int maxLength) {
    this(new Attrs(resource.getAttributesList(), null, maxLength), resource.getAttributesList(),
        maxLength);
  }

  /**
   * A resource read straight from protobuf bytes ({@link LogsWire}): it has no message, so it has
   * no {@link #digest()} (which only metric series need).
   */
  ResourceContext(Attrs attrs, int maxLength) {
    this(attrs, null, maxLength);
  }

  private ResourceContext(Attrs attrs, List<KeyValue> list, int maxLength) {
    this.list = list;
    this.attrs = attrs;
    String service = null;
    Map<String, String> org = new TreeMap<>();
    for (int i = 0, n = attrs.size(); i < n; i++) {
      String key = attrs.key(i);
      String s = attrs.textAt(i);
      if (s == null) continue;
      if (key.equals("service.name")) service = s;
      if (isNoise(key) || org.size() >= MAX_ORG_ATTRIBUTES) continue;
      if (!s.isBlank() && s.length() <= MAX_ORG_VALUE_LENGTH) org.put(key, s);
    }
    this.serviceName = service == null || service.length() > maxLength ? null : service;
    this.agentTool = agentOf(serviceName);
    this.orgAttributes = org.isEmpty() ? Map.of() : Collections.unmodifiableMap(org);
  }

  private static boolean isNoise(String key) {
    for (String p : NOISE_PREFIXES) {
      if (key.startsWith(p)) return true;
    }
    return false;
  }

  static String agentOf(String serviceName) {
    if (serviceName == null) return null;
    if (serviceName.equals("claude-code")) return Tools.CLAUDE_CODE;
    if (serviceName.equals("gemini-cli")) return Tools.GEMINI_CLI;
    if (serviceName.startsWith("codex")) return Tools.CODEX;
    if (serviceName.equals("qwen-code")) return Tools.QWEN_CODE;
    return null;
  }

  /** A hasher that has already taken the resource attributes (copy it before use). */
  Hasher digest() {
    if (list == null) throw new IllegalStateException("a resource read from bytes has no digest");
    if (digest == null) digest = new Hasher().putAttributes(list, null);
    return digest;
  }
}
