package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.model.RawIdentity;
import java.util.List;

/**
 * Identities a vendor says belong together: a user id with its e-mail, an API key with the person
 * who owns it, a GitHub login with its numeric id. The directory learns aliases from them the way
 * it does from identities an agent reports together (only when one of them is already known, and
 * never when they point at two people).
 *
 * @param identities the linked identities, most stable first
 * @param what       what the vendor said, for the admin page: e.g. {@code openai user}, {@code anthropic api key (owner)}
 */
public record IdentityLink(List<RawIdentity> identities, String what) {
  public IdentityLink {
    identities = List.copyOf(identities);
    if (identities.size() < 2) throw new IllegalArgumentException("a link needs two identities: " + identities);
  }
}
