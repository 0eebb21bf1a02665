package io.tokenmaxx.demo;

import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.RawIdentity;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A generated person: the directory entry plus what drives their generated usage.
 *
 * @param index       position in the organization (seeds this person's random stream)
 * @param person      directory entry
 * @param persona     how they use AI
 * @param zone        where they work
 * @param identities  every identity their tools report (e-mail, agent account, git e-mail, key id)
 * @param adoptedOn   first day of use, null for non-users
 * @param engineer    works in engineering (coding agents and outcomes)
 */
public record DemoPerson(int index, Person person, Persona persona, ZoneId zone,
    List<RawIdentity> identities, LocalDate adoptedOn, boolean engineer) {

  public String id() {
    return person.id();
  }

  /** The identity a given tool reports for this person. */
  public RawIdentity identityFor(String tool) {
    RawIdentity.Kind want = switch (tool) {
      case "claude-code" -> RawIdentity.Kind.ACCOUNT_UUID;
      case "codex" -> RawIdentity.Kind.USER_ID;
      case "api" -> RawIdentity.Kind.API_KEY;
      default -> RawIdentity.Kind.EMAIL;
    };
    for (RawIdentity i : identities) if (i.kind() == want) return i;
    return identities.getFirst();
  }
}
