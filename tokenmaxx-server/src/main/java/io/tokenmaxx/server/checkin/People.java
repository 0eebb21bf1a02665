package io.tokenmaxx.server.checkin;

import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Directory look-ups for a handful of people (one by one) or many (all at once). */
public final class People {
  private People() {}

  public static Map<String, Person> of(Directory directory, Collection<String> ids) {
    Set<String> distinct = new HashSet<>(ids);
    Map<String, Person> out = new HashMap<>();
    if (distinct.size() > 25) {
      for (Person p : directory.people()) if (distinct.contains(p.id())) out.put(p.id(), p);
    } else {
      for (String id : distinct) directory.person(id).ifPresent(p -> out.put(id, p));
    }
    return out;
  }

  public static String name(Map<String, Person> people, String id) {
    Person p = people.get(id);
    return p == null || p.name() == null ? id : p.name();
  }
}
