package io.tokenmaxx.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public health answer names components without the server's file paths. */
class HealthServiceTest {

  @Test
  void absolutePathsAreShortenedToTheirFileNames() {
    assertThat(HealthService.withoutPaths("duckdb /srv/tokenmaxx/data/tokenmaxx.duckdb"))
        .isEqualTo("duckdb tokenmaxx.duckdb");
    assertThat(HealthService.withoutPaths("cannot open C:\\tm\\data\\tokenmaxx.duckdb (locked)"))
        .isEqualTo("cannot open tokenmaxx.duckdb (locked)");
    assertThat(HealthService.withoutPaths("ingest queue")).isEqualTo("ingest queue");
    assertThat(HealthService.withoutPaths(null)).isNull();
  }
}
