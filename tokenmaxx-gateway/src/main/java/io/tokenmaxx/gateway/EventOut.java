package io.tokenmaxx.gateway;

import io.tokenmaxx.gateway.internal.translate.AnthropicToChatStream;
import io.tokenmaxx.gateway.internal.wire.SseReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a stream's events to the client, one flush each: as they came, translated into chat
 * chunks, or with the usage chunk the gateway asked for (and the {@code "usage":null} fields it
 * adds) left out. A failed write means the client left: {@link ClientGone}.
 */
final class EventOut {
  private final OutputStream os;
  private final Endpoint clientEndpoint;
  private final AnthropicToChatStream translator;
  private final boolean hideUsage;
  private final Runnable firstByte;
  private long events;

  /**
   * @param translator non-null when an Anthropic stream answers a chat-completions client
   * @param hideUsage  the client did not ask for the usage chunk the gateway requested
   * @param firstByte  called before each write (the first call marks the time to first byte)
   */
  EventOut(OutputStream os, Endpoint clientEndpoint, AnthropicToChatStream translator, boolean hideUsage,
      Runnable firstByte) {
    this.os = os;
    this.clientEndpoint = clientEndpoint;
    this.translator = translator;
    this.hideUsage = hideUsage;
    this.firstByte = firstByte;
  }

  void write(SseReader.Event e, StreamTracker tracker) {
    if (translator != null) {
      List<String> out;
      try {
        out = translator.translate(e.event(), e.data());
      } catch (IOException x) {
        return;
      }
      for (String d : out) raw(("data: " + d + "\n\n").getBytes(StandardCharsets.UTF_8), -1);
      return;
    }
    if (hideUsage && e.data() != null) {
      if (tracker instanceof StreamTracker.Chat c && c.lastWasUsageChunk) return;
      String d = e.data();
      if (d.contains("\"usage\":null")) {
        // compact JSON: inside a string value these characters would be escaped, so this is the field
        d = d.replace(",\"usage\":null", "").replace("\"usage\":null,", "");
        raw(("data: " + d + "\n\n").getBytes(StandardCharsets.UTF_8), -1);
        return;
      }
    }
    raw(e.raw(), e.length());
  }

  private void raw(byte[] b, int len) {
    firstByte.run();
    try {
      os.write(b, 0, len < 0 ? b.length : len);
      os.flush();
      events++;
    } catch (IOException | RuntimeException x) {
      throw new ClientGone(x);
    }
  }

  /** The stream's error event in the client's protocol (an upstream failed after the answer began). */
  void error(String message) {
    raw(ProviderErrors.streamEvent(clientEndpoint.protocol, clientEndpoint, message, events), -1);
  }

  void close() {
    try {
      os.close();
    } catch (IOException | RuntimeException x) {
      throw new ClientGone(x);
    }
  }
}
