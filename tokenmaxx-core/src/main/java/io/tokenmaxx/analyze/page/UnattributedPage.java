package io.tokenmaxx.analyze.page;

import java.util.List;

/**
 * Admins only: usage without a person, and the identities behind it, largest first, so an admin
 * can add the aliases that attribute it (re-attribution then fixes history).
 */
public record UnattributedPage(Period period, UnattributedSummary summary, List<IdentityRow> identities) {}
