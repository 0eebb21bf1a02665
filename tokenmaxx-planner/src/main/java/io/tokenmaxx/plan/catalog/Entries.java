package io.tokenmaxx.plan.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An ordered, immutable set of named entries, looked up by name or alias, case-insensitively. */
final class Entries<T> {
  private final String kind;
  private final List<T> list;
  private final Map<String, T> byKey;
  private final Function<T, String> name;

  Entries(String kind, List<T> entries, Function<T, String> name, Function<T, List<String>> aliases) {
    this.kind = kind;
    this.name = name;
    Map<String, T> byName = new LinkedHashMap<>();
    for (T e : entries) byName.put(Names.key(name.apply(e)), e); // a later entry replaces an earlier one
    this.list = List.copyOf(byName.values());
    Map<String, T> keys = new LinkedHashMap<>();
    for (T e : list) {
      for (String a : aliases.apply(e)) keys.putIfAbsent(Names.key(a), e);
    }
    for (T e : list) keys.put(Names.key(name.apply(e)), e); // names win over aliases
    this.byKey = Map.copyOf(keys);
  }

  List<T> all() {
    return list;
  }

  List<String> names() {
    return list.stream().map(name).toList();
  }

  T get(String wanted) {
    if (wanted == null || wanted.isBlank()) throw new IllegalArgumentException(kind + " name is missing");
    T e = byKey.get(Names.key(wanted));
    if (e == null) throw new UnknownNameException(kind, wanted, Names.suggest(wanted, names()), names());
    return e;
  }

  /** These entries, then {@code more}; an entry in {@code more} replaces one with the same name. */
  Entries<T> plus(List<T> more, Function<T, List<String>> aliases) {
    List<T> merged = new ArrayList<>(list);
    merged.addAll(more);
    return new Entries<>(kind, merged, name, aliases);
  }
}
