package io.tokenmaxx.identity;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tokenmaxx.model.RawIdentity;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a people directory from a CSV export of an HRIS. Column names are matched
 * case-insensitively with the common spellings of each field ({@code Work Email}, {@code Employee
 * ID}, {@code Manager Email}, {@code Job Title}, ...). Managers may be given by e-mail or id.
 * Extra identities go in an {@code aliases} column as {@code kind:value} separated by {@code ;}.
 *
 * <p>Required: an e-mail column. Everything else is optional. A row with a bad value is reported
 * with its line and column and skipped; the other rows are kept.
 */
public final class DirectoryCsv {

  private static final Map<String, String> SYNONYMS = synonyms();

  private static Map<String, String> synonyms() {
    Map<String, String> m = new HashMap<>();
    put(m, "id", "id", "employee id", "employee_id", "employee number", "person id", "person_id", "worker id");
    put(m, "email", "email", "work email", "work_email", "e-mail", "email address", "primary email");
    put(m, "name", "name", "full name", "full_name", "display name", "display_name", "preferred name");
    put(m, "first", "first name", "first_name", "given name");
    put(m, "last", "last name", "last_name", "family name", "surname");
    put(m, "team", "team", "team name", "squad", "group");
    put(m, "department", "department", "dept", "department name", "division", "org");
    put(m, "manager", "manager", "manager email", "manager_email", "manager id", "manager_id",
        "reports to", "reports_to", "supervisor email");
    put(m, "role", "role", "title", "job title", "job_title", "position");
    put(m, "cost", "annual loaded cost", "annual_loaded_cost", "loaded cost", "loaded_cost",
        "annual cost", "fully loaded cost", "cost");
    put(m, "start", "start date", "start_date", "hire date", "hire_date", "start");
    put(m, "aliases", "aliases", "identities", "other identities");
    return m;
  }

  private static void put(Map<String, String> m, String field, String... names) {
    for (String n : names) m.put(n, field);
  }

  private DirectoryCsv() {}

  public static DirectoryImport read(Reader in) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Row> rows = new ArrayList<>();
    List<DirectoryImport.RowError> errors = new ArrayList<>();
    Map<String, String> columns = null;
    try (MappingIterator<Map<String, String>> it =
             mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
      while (true) {
        Map<String, String> raw;
        long line;
        try {
          if (!it.hasNextValue()) break;
          line = it.getCurrentLocation().getLineNr(); // the row's first line, before reading it
          raw = it.nextValue();
        } catch (RuntimeJsonMappingException | IOException e) {
          long at = it.getCurrentLocation() == null ? -1 : it.getCurrentLocation().getLineNr();
          errors.add(new DirectoryImport.RowError(at, null, "unreadable CSV: " + e.getMessage()));
          break;
        }
        if (columns == null) {
          columns = mapColumns(raw.keySet());
          if (!columns.containsValue("email")) {
            throw new IllegalArgumentException("the CSV has no e-mail column (looked for: "
                + names("email") + "); its columns are " + raw.keySet());
          }
        }
        Map<String, String> byField = new HashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
          String field = columns.get(e.getKey());
          if (field != null && e.getValue() != null && !e.getValue().isBlank()) {
            byField.put(field, e.getValue().trim());
          }
        }
        rows.add(new Row(line, byField, reverse(columns)));
      }
    }
    return resolve(rows, errors);
  }

  private static Map<String, String> reverse(Map<String, String> columns) {
    Map<String, String> r = new HashMap<>();
    columns.forEach((col, field) -> r.put(field, col));
    return r;
  }

  private static List<String> names(String field) {
    return SYNONYMS.entrySet().stream().filter(e -> e.getValue().equals(field))
        .map(Map.Entry::getKey).sorted().toList();
  }

  private static Map<String, String> mapColumns(Set<String> header) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String col : header) {
      String norm = col.trim().toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ");
      String field = SYNONYMS.get(norm);
      if (field == null) field = SYNONYMS.get(norm.replace(' ', '_'));
      if (field != null && !out.containsValue(field)) out.put(col, field);
    }
    return out;
  }

  private record Row(long line, Map<String, String> f, Map<String, String> columnOf) {}

  private static DirectoryImport resolve(List<Row> rows, List<DirectoryImport.RowError> errors) {
    Map<String, String> idByEmail = new HashMap<>();
    Set<String> ids = new HashSet<>();
    List<Row> valid = new ArrayList<>();
    for (Row r : rows) {
      String email = r.f.get("email");
      if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
        errors.add(new DirectoryImport.RowError(r.line, r.columnOf.get("email"),
            email == null ? "e-mail is missing" : "'" + email + "' is not an e-mail address"));
        continue;
      }
      email = email.toLowerCase(Locale.ROOT);
      String id = r.f.getOrDefault("id", email);
      if (idByEmail.containsKey(email)) {
        errors.add(new DirectoryImport.RowError(r.line, r.columnOf.get("email"),
            "e-mail " + email + " appears twice; kept the first"));
        continue;
      }
      if (!ids.add(id)) {
        errors.add(new DirectoryImport.RowError(r.line, r.columnOf.get("id"),
            "id " + id + " appears twice; kept the first"));
        continue;
      }
      idByEmail.put(email, id);
      valid.add(r);
    }
    List<Person> people = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    for (Row r : valid) {
      String email = r.f.get("email").toLowerCase(Locale.ROOT);
      String id = idByEmail.get(email);
      try {
        String name = r.f.get("name");
        if (name == null && (r.f.containsKey("first") || r.f.containsKey("last"))) {
          name = (r.f.getOrDefault("first", "") + " " + r.f.getOrDefault("last", "")).trim();
        }
        String manager = r.f.get("manager");
        String managerId = null;
        if (manager != null) {
          managerId = manager.contains("@") ? idByEmail.get(manager.toLowerCase(Locale.ROOT))
              : ids.contains(manager) ? manager : null;
          if (managerId == null) {
            errors.add(new DirectoryImport.RowError(r.line, r.columnOf.get("manager"),
                "manager '" + manager + "' is not in this file; imported without a manager"));
          } else if (managerId.equals(id)) {
            throw new FieldError("manager", "a person cannot be their own manager");
          }
        }
        BigDecimal cost = money(r, "cost");
        LocalDate start = date(r, "start");
        Person p;
        try {
          p = new Person(id, email, name, r.f.get("team"), r.f.get("department"), managerId,
              r.f.get("role"), cost, start);
        } catch (IllegalArgumentException e) {
          throw new FieldError(null, e.getMessage());
        }
        List<Alias> mine = new ArrayList<>();
        String list = r.f.get("aliases");
        if (list != null) {
          for (String a : list.split("[;|]")) {
            if (a.isBlank()) continue;
            try {
              mine.add(new Alias(RawIdentity.parse(a.trim()), id));
            } catch (IllegalArgumentException e) {
              throw new FieldError("aliases", e.getMessage());
            }
          }
        }
        people.add(p);
        aliases.add(new Alias(RawIdentity.email(email), id));
        aliases.addAll(mine);
      } catch (FieldError e) {
        errors.add(new DirectoryImport.RowError(r.line,
            e.field == null ? null : r.columnOf.getOrDefault(e.field, e.field), e.getMessage()));
      }
    }
    return new DirectoryImport(List.copyOf(people), List.copyOf(aliases), List.copyOf(errors));
  }

  private static final class FieldError extends RuntimeException {
    final String field;

    FieldError(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  private static BigDecimal money(Row r, String field) {
    String v = r.f.get(field);
    if (v == null) return null;
    String cleaned = v.replaceAll("[$€£,\\s]", "");
    try {
      BigDecimal d = new BigDecimal(cleaned);
      if (d.signum() < 0) throw new FieldError(field, "must not be negative, was " + v);
      return d;
    } catch (NumberFormatException e) {
      throw new FieldError(field, "'" + v + "' is not an amount");
    }
  }

  private static LocalDate date(Row r, String field) {
    String v = r.f.get(field);
    if (v == null) return null;
    try {
      return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    } catch (DateTimeParseException e) {
      throw new FieldError(field, "'" + v + "' is not a date (expected YYYY-MM-DD)");
    }
  }
}
