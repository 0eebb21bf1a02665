package io.tokenmaxx.server.checkin;

import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;

/** The check-in {@link Reader} of an analytics {@link Viewer}: their rights plus their own team. */
public final class Readers {
  private final Directory directory;

  public Readers(Directory directory) {
    this.directory = directory;
  }

  public Reader of(Viewer viewer) {
    String team = viewer.personId() == null ? null
        : directory.person(viewer.personId()).map(Person::team).orElse(null);
    return Reader.of(viewer, team);
  }
}
