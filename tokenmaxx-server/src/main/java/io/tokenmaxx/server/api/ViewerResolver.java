package io.tokenmaxx.server.api;

import io.helidon.webserver.http.ServerRequest;
import io.tokenmaxx.analyze.Viewer;
import java.util.List;
import java.util.Optional;

/**
 * Who is asking, as a {@link Viewer}: the analytics API and the dashboard pages resolve every
 * request through one of these, so both get the same scoping. API tokens resolve through {@link
 * TokenViewerResolver}; a dashboard session resolver can be put in front with {@link #firstOf}.
 */
@FunctionalInterface
public interface ViewerResolver {

  /**
   * The viewer of a request, or empty when this resolver does not recognise its credentials (so
   * the next one may). Throws {@link io.tokenmaxx.server.http.ApiError} (401/403) when the
   * credentials are recognised but not good enough.
   */
  Optional<Viewer> resolve(ServerRequest request);

  /** The first resolver that recognises the request wins; none: 401. */
  static ViewerResolver firstOf(List<ViewerResolver> resolvers) {
    List<ViewerResolver> copy = List.copyOf(resolvers);
    return req -> {
      for (ViewerResolver r : copy) {
        Optional<Viewer> v = r.resolve(req);
        if (v.isPresent()) return v;
      }
      return Optional.empty();
    };
  }
}
