package io.tokenmaxx.collect.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * OTLP/HTTP response bodies, in the encoding of the request: Export*ServiceResponse for 200 (with
 * {@code partial_success} when items were rejected), google.rpc.Status for errors.
 */
public final class OtlpResponses {
  private static final JsonFactory JSON = new JsonFactory();

  private OtlpResponses() {}

  /** 200 with the batch's partial success (rejected count and message) when it has one. */
  public static OtlpResponse exported(OtlpBatch batch) {
    long rejected = batch.rejected();
    String message = batch.errorMessage();
    ContentType type = batch.contentType();
    if (type == ContentType.JSON) {
      return new OtlpResponse(200, type.mediaType(), json(g -> {
        g.writeStartObject();
        if (rejected > 0 || !message.isEmpty()) {
          g.writeObjectFieldStart("partialSuccess");
          g.writeStringField(switch (batch.signal()) {
            case METRICS -> "rejectedDataPoints";
            case LOGS -> "rejectedLogRecords";
            case TRACES -> "rejectedSpans";
          }, Long.toString(rejected));
          g.writeStringField("errorMessage", message);
          g.writeEndObject();
        }
        g.writeEndObject();
      }));
    }
    return new OtlpResponse(200, type.mediaType(), protobuf(batch.signal(), rejected, message)
        .toByteArray());
  }

  private static Message protobuf(Signal signal, long rejected, String message) {
    boolean partial = rejected > 0 || !message.isEmpty();
    return switch (signal) {
      case METRICS -> {
        var b = ExportMetricsServiceResponse.newBuilder();
        if (partial) {
          b.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
              .setRejectedDataPoints(rejected).setErrorMessage(message));
        }
        yield b.build();
      }
      case LOGS -> {
        var b = ExportLogsServiceResponse.newBuilder();
        if (partial) {
          b.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
              .setRejectedLogRecords(rejected).setErrorMessage(message));
        }
        yield b.build();
      }
      case TRACES -> {
        var b = ExportTraceServiceResponse.newBuilder();
        if (partial) {
          b.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
              .setRejectedSpans(rejected).setErrorMessage(message));
        }
        yield b.build();
      }
    };
  }

  /** The error response for an undecodable request (400, 413 or 415). */
  public static OtlpResponse error(OtlpDecodeException e, ContentType type) {
    return error(e.httpStatus(), e.getMessage(), type);
  }

  /**
   * 503 with a google.rpc.Status: the request was fine but could not be stored now. OTLP clients
   * retry 503 with backoff (429, 502 and 504 are retryable too; every other status is final).
   */
  public static OtlpResponse unavailable(String message, ContentType type) {
    return error(503, message, type);
  }

  /**
   * Any error status with a google.rpc.Status body whose code matches the HTTP status. A null
   * {@code type} (the request's type was unusable) answers in protobuf.
   */
  public static OtlpResponse error(int httpStatus, String message, ContentType type) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx, was " + httpStatus);
    }
    int code = grpcCode(httpStatus);
    String text = message == null ? "" : message;
    ContentType t = type == null ? ContentType.PROTOBUF : type;
    if (t == ContentType.JSON) {
      return new OtlpResponse(httpStatus, t.mediaType(), json(g -> {
        g.writeStartObject();
        g.writeNumberField("code", code);
        g.writeStringField("message", text);
        g.writeEndObject();
      }));
    }
    return new OtlpResponse(httpStatus, t.mediaType(), status(code, text));
  }

  /** google.rpc.Status: {@code int32 code = 1; string message = 2;} (no details). */
  private static byte[] status(int code, String message) {
    int size = CodedOutputStream.computeInt32Size(1, code)
        + CodedOutputStream.computeStringSize(2, message);
    byte[] out = new byte[size];
    CodedOutputStream o = CodedOutputStream.newInstance(out);
    try {
      o.writeInt32(1, code);
      o.writeString(2, message);
      o.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The google.rpc.Code closest to an HTTP status. */
  static int grpcCode(int httpStatus) {
    return switch (httpStatus) {
      case 400, 415 -> 3; // INVALID_ARGUMENT
      case 401 -> 16; // UNAUTHENTICATED
      case 403 -> 7; // PERMISSION_DENIED
      case 404 -> 5; // NOT_FOUND
      case 413, 429 -> 8; // RESOURCE_EXHAUSTED
      case 501 -> 12; // UNIMPLEMENTED
      case 503, 502, 504 -> 14; // UNAVAILABLE
      default -> httpStatus < 500 ? 9 : 13; // FAILED_PRECONDITION, INTERNAL
    };
  }

  private interface JsonWriter {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] json(JsonWriter writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
