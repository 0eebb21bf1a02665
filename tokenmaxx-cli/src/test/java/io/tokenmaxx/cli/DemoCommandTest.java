package io.tokenmaxx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.server.demo.DemoLoader;
import io.tokenmaxx.server.web.auth.Passwords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokenmaxx demo}: generates, serves, prints how to sign in, and reuses its folder. */
class DemoCommandTest {
  @TempDir Path dir;

  DemoCommand command(Long seed) {
    DemoCommand c = new DemoCommand();
    c.data = dir.resolve("demo");
    c.port = 0;
    c.people = 20;
    c.weeks = 1;
    c.seed = seed;
    c.passwords = new Passwords(1024, 1, 1);
    return c;
  }

  @Test
  void generatesServesAndReusesTheSameDataAndAccounts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DemoCommand.Started first = command(5L).start(new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed;
    try {
      assertThat(first.config().host()).isEqualTo("127.0.0.1");
      DemoCommand.printSignIn(new PrintStream(out, true, StandardCharsets.UTF_8), first.config(),
          first.server().port(), first.state(), first.clock());
      printed = out.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains("generating 20 people x 1 weeks (seed 5)").contains("Dashboard: http://127.0.0.1:")
          .contains("admin").contains("manager").contains("member");
      DemoLoader.DemoAccount member = first.state().accounts().get(2);
      assertThat(printed).contains(member.email()).contains(member.password());
      assertThat(signIn(first.server().port(), member.email(), member.password())).isEqualTo(303);
      assertThat(signIn(first.server().port(), member.email(), "not the password")).isEqualTo(401);
    } finally {
      first.server().close();
    }

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    DemoCommand.Started second = command(null).start(new PrintStream(again, true, StandardCharsets.UTF_8));
    try {
      assertThat(again.toString(StandardCharsets.UTF_8)).contains("reusing").doesNotContain("generating");
      assertThat(second.state()).isEqualTo(first.state());
      DemoLoader.DemoAccount admin = second.state().accounts().getFirst();
      assertThat(signIn(second.server().port(), admin.email(), admin.password())).isEqualTo(303);
    } finally {
      second.server().close();
    }

    assertThatThrownBy(() -> command(6L).start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed 5");
  }

  @Test
  void badOptionsAreNamed() {
    DemoCommand c = command(1L);
    c.people = 3;
    assertThatThrownBy(() -> c.start(System.out)).hasMessageContaining("--people must be between 10 and 100000, was 3");
    c.people = 20;
    c.weeks = 0;
    assertThatThrownBy(() -> c.start(System.out)).hasMessageContaining("--weeks");
  }

  static int signIn(int port, String email, String password) throws Exception {
    String base = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("name=\"_login\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    String form = "_login=" + m.group(1) + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Origin", base)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
