package io.tokenmaxx.collect.vendor;

import java.net.URI;
import java.time.LocalDate;
import java.util.Set;

/**
 * A loopback stand-in of a vendor's admin API serving the documented shapes from a generated
 * dataset: several pages, a planned 429 with {@code Retry-After} and a 500, an empty day, usage of
 * users and keys the vendor's listings do not contain, and revisions on request.
 */
interface VendorStandIn extends AutoCloseable {
  Vendor vendor();

  StandInServer server();

  default URI baseUrl() {
    return server().baseUrl();
  }

  String adminKey();

  /** GitHub organization, null elsewhere. */
  default String organization() {
    return null;
  }

  /** What the dataset says now for the UTC days {@code from} through {@code through}. */
  Served served(LocalDate from, LocalDate through);

  /** A later revision of the vendor's numbers for {@code day}: one bucket changes, another disappears. */
  void revise(LocalDate day);

  /** Identities that appear in usage but in none of the vendor's user or key listings. */
  Set<String> unknownIdentities();

  /** The day served empty. */
  LocalDate emptyDay();

  /** The path where the first request is answered 429 with {@code Retry-After: 2}, then the one answered 500. */
  String throttledPath();

  String failingPath();

  @Override
  void close();
}
