package io.tokenmaxx.cli.report;

import io.tokenmaxx.cli.remote.ServerClient;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.wire.ParsedBatch;
import io.tokenmaxx.wire.RecordJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fetches a person's records from a server's {@code /api/v1/records} export. */
final class RemoteRecords {
  private final ServerClient client;

  RemoteRecords(String server, String token) {
    this.client = new ServerClient(server, token);
  }

  List<UsageRecord> fetch(String person, LocalDate since, LocalDate until) throws IOException, InterruptedException {
    List<String> q = new ArrayList<>();
    if (person != null) q.add("person=" + URLEncoder.encode(person, StandardCharsets.UTF_8));
    if (since != null) q.add("since=" + since);
    if (until != null) q.add("until=" + until);
    String path = "/api/v1/records" + (q.isEmpty() ? "" : "?" + String.join("&", q));
    HttpResponse<byte[]> r = client.send("GET", path, null, null);
    if (r.statusCode() != 200) throw new IOException(ServerClient.describe(r));
    ParsedBatch batch = RecordJson.exportReader(Clock.systemUTC()).readNdjson(new ByteArrayInputStream(r.body()));
    if (!batch.errors().isEmpty()) {
      throw new IOException("the server sent " + batch.errors().size() + " records this version cannot read, e.g. "
          + batch.errors().getFirst());
    }
    return batch.records().usage();
  }
}
