package io.tokenmaxx.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard's assets from the class path — our CSS, JS and icon under {@code /static/}, ECharts
 * and htmx under {@code /webjars/} — gzip-compressed once and kept in memory (ECharts is 1 MB, about
 * 330 kB compressed), with an ETag so a browser revalidates for free. Only the asset types the
 * dashboard uses are served; paths cannot leave their folder.
 */
final class StaticAssets implements HttpService {
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png");

  private record Asset(byte[] plain, byte[] gzip, String etag, String type) {}

  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  @Override
  public void routing(HttpRules rules) {
    rules.get("/static/*", (req, res) -> serve(req, res, "web/static/", "/static/"))
        .get("/webjars/*", (req, res) -> serve(req, res, "META-INF/resources/webjars/", "/webjars/"));
  }

  private void serve(ServerRequest req, ServerResponse res, String folder, String prefix) {
    String path = req.path().path();
    String rel = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
    Optional<Asset> asset = rel.isEmpty() || rel.contains("..") || rel.contains("//") || rel.contains("\\")
        ? Optional.empty() : cache.computeIfAbsent(folder + rel, StaticAssets::load);
    if (asset.isEmpty()) {
      res.status(Status.NOT_FOUND_404).send();
      return;
    }
    Asset a = asset.get();
    res.header(HeaderNames.ETAG, a.etag());
    res.header(HeaderNames.VARY, "Accept-Encoding");
    if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(a.etag()::equals).orElse(false)) {
      res.status(Status.NOT_MODIFIED_304).send();
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, a.type());
    boolean gzip = req.headers().first(HeaderNames.ACCEPT_ENCODING).map(v -> v.contains("gzip")).orElse(false);
    if (gzip) {
      res.header(HeaderNames.CONTENT_ENCODING, "gzip");
      res.send(a.gzip());
    } else {
      res.send(a.plain());
    }
  }

  private static Optional<Asset> load(String resource) {
    int dot = resource.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(resource.substring(dot + 1));
    if (type == null) return Optional.empty();
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) return Optional.empty();
      byte[] plain = in.readAllBytes();
      ByteArrayOutputStream gz = new ByteArrayOutputStream(plain.length / 3 + 64);
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(plain);
      }
      String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain), 0, 12) + "\"";
      return Optional.of(new Asset(plain, gz.toByteArray(), etag, type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the asset " + resource, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
