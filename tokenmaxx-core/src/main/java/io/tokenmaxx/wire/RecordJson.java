package io.tokenmaxx.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.RecordBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest wire format, shared by the server (reading) and {@code tokenmaxx push} (writing).
 *
 * <p>Two framings: a JSON document — {@code {"usage": [...], "outcomes": [...]}} or a bare array
 * of usage items — and NDJSON, one item per line, with {@code "type": "outcome"} marking outcome
 * items (usage is the default). Field names are those of {@link UsageRecord} and
 * {@link OutcomeRecord}; {@code identity} is {@code "kind:value"} or an e-mail.
 */
public final class RecordJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20)
          .maxNestingDepth(32).build())
      .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final ItemReader reader;

  public RecordJson(Clock clock) {
    this(clock, false);
  }

  private RecordJson(Clock clock, boolean export) {
    this.reader = new ItemReader(clock, export);
  }

  /** A reader of a server's record export ({@link #writeExport}), which trusts what the server set. */
  public static RecordJson exportReader(Clock clock) {
    return new RecordJson(clock, true);
  }

  /** Reads a JSON document body. */
  public ParsedBatch readJson(InputStream in) throws IOException {
    Collector c = new Collector();
    try (JsonParser p = FACTORY.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        readArray(p, c, false);
      } else if (t == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          boolean outcome = name.equals("outcomes");
          if (name.equals("usage") || outcome) {
            if (v != JsonToken.START_ARRAY) {
              throw new WireFormatException("'" + name + "' must be an array");
            }
            readArray(p, c, outcome);
          } else {
            c.warnings.add("ignored unknown top-level field '" + name + "'");
            p.skipChildren();
          }
        }
      } else {
        throw new WireFormatException("body must be a JSON object {\"usage\": [...], \"outcomes\": [...]}"
            + " or an array of usage items");
      }
      if (p.nextToken() != null) throw new WireFormatException("unexpected data after the JSON document");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Syntax errors and exceeded limits (nesting deeper than 32, a string over 1 MiB) alike.
      var at = e.getLocation();
      throw new WireFormatException("invalid JSON" + (at == null ? "" : " at line " + at.getLineNr()
          + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
    }
    return c.result();
  }

  private void readArray(JsonParser p, Collector c, boolean outcomes) throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonNode node = MAPPER.readTree(p);
      c.add(node, outcomes);
    }
  }

  /** Reads an NDJSON body: one JSON object per line; a bad line refuses that item only. */
  public ParsedBatch readNdjson(InputStream in) throws IOException {
    return readNdjson(in.readAllBytes());
  }

  /**
   * Reads an NDJSON body held in memory: each line is parsed straight from the bytes (no decoding
   * to a String first); a bad line refuses that item only.
   */
  public ParsedBatch readNdjson(byte[] body) throws IOException {
    Collector c = new Collector();
    int start = 0;
    while (start < body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') end++;
      int next = end + 1;
      if (end > start && body[end - 1] == '\r') end--;
      if (!blank(body, start, end)) {
        JsonNode node;
        try {
          node = MAPPER.readTree(body, start, end - start);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          c.errors.add(new ItemError(c.index++, null, null, "invalid JSON: " + e.getOriginalMessage()));
          start = next;
          continue;
        }
        boolean outcome = node.isObject() && "outcome".equals(node.path("type").asText(null));
        c.add(node, outcome);
      }
      start = next;
    }
    return c.result();
  }

  private static boolean blank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte x = b[i];
      if (x != ' ' && x != '\t' && x != '\r' && x != 0x0b && x != '\f') return false;
    }
    return true;
  }

  private final class Collector {
    final List<UsageRecord> usage = new ArrayList<>();
    final List<OutcomeRecord> outcomes = new ArrayList<>();
    final List<ItemError> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    int index;

    void add(JsonNode node, boolean outcome) {
      int i = index++;
      try {
        if (outcome) outcomes.add(reader.outcome(node, warnings, i));
        else usage.add(reader.usage(node, warnings, i));
      } catch (ItemReader.BadItem e) {
        errors.add(new ItemError(i, e.id, e.field, e.getMessage()));
      }
    }

    ParsedBatch result() {
      return new ParsedBatch(new RecordBatch(usage, outcomes), errors,
          warnings.size() > 100 ? warnings.subList(0, 100) : warnings);
    }
  }

  /** Writes a batch as NDJSON (what {@code push} sends). */
  public static void writeNdjson(RecordBatch batch, OutputStream out) throws IOException {
    write(batch, out, false);
  }

  /**
   * Writes stored records as NDJSON for a reader of the server (reports from the server's data):
   * the ingest fields plus source, person, computed cost and its provenance.
   */
  public static void writeExport(java.util.List<UsageRecord> usage, OutputStream out) throws IOException {
    write(RecordBatch.ofUsage(usage), out, true);
  }

  private static void write(RecordBatch batch, OutputStream out, boolean export) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      for (UsageRecord r : batch.usage()) ItemWriter.usage(g, r, export);
      for (OutcomeRecord r : batch.outcomes()) ItemWriter.outcome(g, r);
      g.writeRaw('\n');
    }
  }
}
