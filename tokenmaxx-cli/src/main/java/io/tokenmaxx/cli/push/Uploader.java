package io.tokenmaxx.cli.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.cli.remote.ServerClient;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.wire.RecordJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Sends one batch to the ingest API, gzipped NDJSON, retrying with exponential backoff (and the
 * server's {@code Retry-After}) when the server is busy, failing or unreachable. A refused token or
 * an unreadable batch is not retried: those need a person to act.
 */
final class Uploader {
  /** Outcome of one batch: how many the server kept and refused. */
  record Result(int accepted, int rejected, List<String> errors) {}

  static final class Fatal extends IOException {
    Fatal(String message) {
      super(message);
    }
  }

  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ServerClient client;
  private final int maxAttempts;
  private final Sleeper sleeper;

  Uploader(ServerClient client, int maxAttempts, Sleeper sleeper) {
    this.client = client;
    this.maxAttempts = maxAttempts;
    this.sleeper = sleeper;
  }

  Result send(List<UsageRecord> records) throws IOException, InterruptedException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      RecordJson.writeNdjson(RecordBatch.ofUsage(records), gz);
    }
    byte[] body = buf.toByteArray();
    Duration wait = Duration.ofSeconds(1);
    IOException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      HttpResponse<byte[]> r;
      try {
        r = client.send("POST", "/api/v1/ingest", "application/x-ndjson", body, "Content-Encoding", "gzip");
      } catch (IOException e) {
        last = e;
        sleeper.sleep(wait);
        wait = wait.multipliedBy(2);
        continue;
      }
      int s = r.statusCode();
      if (s == 200 || s == 400) {
        JsonNode n = JSON.readTree(r.body());
        if (s == 400 && !n.has("rejected")) throw new Fatal(ServerClient.describe(r));
        List<String> errors = new java.util.ArrayList<>();
        for (JsonNode e : n.path("errors")) errors.add(e.path("message").asText() + " (" + e.path("id").asText("?") + ")");
        return new Result(n.path("accepted").asInt(), n.path("rejected").asInt(), errors);
      }
      if (s == 401 || s == 403 || s == 413 || s == 404) throw new Fatal(ServerClient.describe(r));
      last = new IOException(ServerClient.describe(r));
      Duration retryAfter = r.headers().firstValue("Retry-After").map(v -> {
        try {
          return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
          return null;
        }
      }).orElse(null);
      sleeper.sleep(retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait);
      wait = wait.multipliedBy(2);
    }
    throw new IOException("gave up after " + maxAttempts + " attempts: " + (last == null ? "" : last.getMessage()), last);
  }
}
