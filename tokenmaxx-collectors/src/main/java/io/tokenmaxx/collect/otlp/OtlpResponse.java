package io.tokenmaxx.collect.otlp;

import java.util.Arrays;
import java.util.Objects;

/**
 * An OTLP/HTTP response for the transport to send as is.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type} header value
 * @param body        the encoded Export*ServiceResponse or google.rpc.Status
 */
public record OtlpResponse(int status, String contentType, byte[] body) {
  public OtlpResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OtlpResponse r && r.status == status && r.contentType.equals(contentType)
        && Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, contentType, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "OtlpResponse{" + status + ", " + contentType + ", " + body.length + " bytes}";
  }
}
