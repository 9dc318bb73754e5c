package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web UI on the Jaeger query port: every page URL Jaeger UI uses answers the page, which names its
 * script and style sheet by absolute path so deep URLs load them; assets are cached for good and sent
 * gzipped to clients that accept it; the APIs are not shadowed.
 */
class UiServingTest {
  private static AllInOne server;
  private static HttpTestClient http;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    http = new HttpTestClient(server.queryPort());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/search", "/search?service=a&lookback=1h", "/trace/abc123", "/trace/abc?uiFind=1f",
      "/trace/abc...def", "/dependencies"})
  void everyPageUrlAnswersThePageWhichMustBeRevalidated(String url) throws Exception {
    HttpTestClient.Response page = http.get(url);
    assertEquals(200, page.status(), url);
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"), url);
    assertTrue(page.headers().firstValue("cache-control").orElse("").contains("no-cache"), url);
    assertTrue(page.text().contains("<script type=\"module\" src=\"/static/main-"), page.text());
  }

  @Test
  void assetsAreImmutableAndGzippedForClientsThatAcceptIt() throws Exception {
    String script = asset("script", "src=\"(/static/main-[^\"]+\\.js)\"");
    String sheet = asset("sheet", "href=\"(/static/styles-[^\"]+\\.css)\"");

    HttpTestClient.Response plain = http.get(script);
    assertEquals(200, plain.status());
    assertTrue(plain.headers().firstValue("content-type").orElse("").contains("javascript"), plain.headers().toString());
    assertTrue(plain.headers().firstValue("cache-control").orElse("").contains("immutable"));
    assertTrue(plain.headers().firstValue("content-encoding").isEmpty(), "no gzip unless asked");
    assertTrue(plain.text().contains("/api/services"), "the bundle calls the API");

    HttpTestClient.Response gzipped = http.send(HttpRequest.newBuilder(http.uri(script)).header("Accept-Encoding", "gzip"));
    assertEquals("gzip", gzipped.headers().firstValue("content-encoding").orElse(""));
    assertTrue(gzipped.body().length < plain.body().length / 2, gzipped.body().length + " bytes gzipped");

    HttpTestClient.Response css = http.get(sheet);
    assertTrue(css.headers().firstValue("content-type").orElse("").startsWith("text/css"), css.headers().toString());
    assertEquals(404, http.get("/static/nothing.js").status());
  }

  @Test
  void theApisAreNotShadowedAndOtherPathsAreNotPages() throws Exception {
    assertTrue(http.get("/api/services").json().has("data"));
    assertEquals(404, http.get("/api/traces/abc").status());
    assertEquals(404, http.get("/nowhere").status());
    assertEquals(404, http.get("/tracey").status());
  }

  private static String asset(String what, String regex) throws Exception {
    Matcher m = Pattern.compile(regex).matcher(http.get("/").text());
    assertTrue(m.find(), "the page names its " + what);
    return m.group(1);
  }
}
