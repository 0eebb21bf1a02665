package io.tokenmaxx.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;

/**
 * Renders the precompiled JTE templates (compiled from {@code src/main/jte} at build time, HTML
 * content type: every {@code ${...}} is escaped for where it stands).
 */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  public byte[] render(String template, Map<String, Object> params) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    engine.render(template, params, out);
    return out.toByteArray();
  }
}
