package io.tokenmaxx.pricing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a price file in the LiteLLM shape: an object of model name to an object of per-token
 * prices. A model's value may also be an array of such objects, each with an
 * {@code effective_from} date (dated price changes). {@code _meta} carries the catalog's
 * {@code taken_on} date. Errors name the file, the model and the field.
 */
final class PriceFileReader {
  private static final JsonFactory JSON = new JsonFactory();

  /** One price entry as written in a file: the fields given, nothing derived. */
  record Entry(String model, Instant effectiveFrom, String provider, Map<String, BigDecimal> fields) {}

  record Result(List<Entry> entries, String takenOn) {}

  private PriceFileReader() {}

  static Result read(InputStream in, String fileName) throws IOException {
    List<Entry> entries = new ArrayList<>();
    String takenOn = null;
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(fileName + ": expected a JSON object of model name to prices");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String model = p.currentName();
        JsonToken t = p.nextToken();
        if (model.equals("_meta") || model.equals("sample_spec")) {
          if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String k = p.currentName();
              p.nextToken();
              if (k.equals("taken_on")) takenOn = p.getValueAsString();
              else p.skipChildren();
            }
          } else {
            p.skipChildren();
          }
          continue;
        }
        if (model.isBlank()) throw new IllegalArgumentException(fileName + ": a model name is blank");
        if (t == JsonToken.START_OBJECT) {
          entries.add(entry(p, fileName, model));
        } else if (t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) entries.add(entry(p, fileName, model));
        } else {
          throw new IllegalArgumentException(fileName + ": model '" + model
              + "': expected an object of prices (or an array of dated ones)");
        }
      }
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(fileName + ": not valid JSON at line "
          + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
    }
    return new Result(entries, takenOn);
  }

  private static Entry entry(JsonParser p, String file, String model) throws IOException {
    Map<String, BigDecimal> fields = new LinkedHashMap<>();
    String provider = null;
    Instant from = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken t = p.nextToken();
      switch (k) {
        case "litellm_provider", "provider" -> provider = p.getValueAsString();
        case "effective_from" -> from = date(file, model, p.getValueAsString());
        case "provider_specific_entry" -> {
          if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            break;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String sub = p.currentName();
            JsonToken st = p.nextToken();
            if (sub.equals("fast") && st.isNumeric()) fields.put("fast_multiplier", number(p, file, model, "provider_specific_entry.fast"));
            else p.skipChildren();
          }
        }
        default -> {
          if (PriceFields.KNOWN.contains(k)) {
            if (t == JsonToken.VALUE_NULL) break;
            fields.put(k, number(p, file, model, k));
          } else {
            p.skipChildren();
          }
        }
      }
    }
    return new Entry(model, from, provider, fields);
  }

  private static BigDecimal number(JsonParser p, String file, String model, String field) throws IOException {
    if (!p.currentToken().isNumeric()) {
      throw new IllegalArgumentException(file + ": model '" + model + "': " + field
          + " must be a number, was " + p.getText());
    }
    BigDecimal v = new BigDecimal(p.getText());
    if (v.signum() < 0) {
      throw new IllegalArgumentException(file + ": model '" + model + "': " + field + " must be >= 0, was " + v);
    }
    return v;
  }

  private static Instant date(String file, String model, String text) {
    if (text == null) {
      throw new IllegalArgumentException(file + ": model '" + model + "': effective_from must be a date (YYYY-MM-DD)");
    }
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(file + ": model '" + model + "': effective_from '" + text
          + "' is not a date (YYYY-MM-DD) or an ISO-8601 instant");
    }
  }
}
