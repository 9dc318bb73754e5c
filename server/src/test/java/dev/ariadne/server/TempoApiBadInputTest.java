package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed, unsupported and hostile requests to the Tempo API: each gets a 400 whose plain-text message
 * names the problem (and, for TraceQL, where it is), the server stays up, and the traces stored before are
 * still found afterwards.
 */
class TempoApiBadInputTest {
  private static final String TRACE_ID = "00000000000000010000000000000002";
  private static AllInOne server;
  private static HttpTestClient tempo;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    tempo = new HttpTestClient(server.tempoPort());
    Resource r = Resource.of(Attributes.of("service.name", "victim"));
    server.store().append(List.of(
        Span.builder().resource(r).traceId(1, 2).spanId(1).name("root").kind(SpanKind.SERVER)
            .startEpochNanos(1_000_000_000_000L).endEpochNanos(1_000_005_000_000L)
            .attributes(Attributes.of("long", "a".repeat(50_000) + "!")).build(),
        Span.builder().resource(r).traceId(1, 2).spanId(2).parentSpanId(1).name("child")
            .startEpochNanos(1_000_001_000_000L).endEpochNanos(1_000_002_000_000L).build()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpTestClient.Response search(String q) throws Exception {
    return tempo.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  private static void assertBadRequest(HttpTestClient.Response r, String expected) {
    assertEquals(400, r.status(), r.text());
    assertEquals("text/plain; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
    assertTrue(r.text().contains(expected), "expected '" + expected + "' in: " + r.text());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      // syntax
      "{ .a = 1;              invalid TraceQL query: parse error at line 1, col 9: syntax error: expected '}' but found the end of the query",
      "{ .a = }  ;            parse error at line 1, col 8: syntax error: expected a value",
      "{ .a = 1 = 2 };        col 10: syntax error: comparisons cannot be chained",
      "name = \"x\";          col 1: syntax error: expected '{' or '(' but found 'name'",
      // lexical
      "{ .a = \"open };       col 8: string not terminated",
      "{ .a = \"\\q\" };      invalid escape '\\q' in string",
      "{ .a = 1 } #;          unexpected character '#'",
      "{ foo = 1 };           unknown identifier 'foo'",
      // types
      "{ name = 1 };          cannot compare name (string) with 1 (int)",
      "{ .a > \"x\" };        operator > is not defined for \"x\" (string)",
      "{ 42 };                expected a condition but found 42 (int)",
      // regular expressions
      "{ .a =~ \"(\" };       invalid regular expression \"(\": error parsing regexp: missing closing )",
      "{ .a =~ \"(?=x)\" };   invalid regular expression",
      // outside the subset
      "{ } | count() > 1;     col 5: unsupported construct '|' (pipelines and aggregates)",
      "{ } ~ { };             unsupported construct '~' (the sibling operator)",
      "{ .a + 1 = 2 };        unsupported construct '+' (arithmetic)",
      "{ event.name = \"x\" }; unsupported construct 'event.' (event attributes)",
      "{ } &>> { };           unsupported construct '&>>' (union structural operators)"})
  void malformedAndUnsupportedTraceQL(String query, String expected) throws Exception {
    assertBadRequest(search(query), expected);
  }

  @Test
  void hostileQueries() throws Exception {
    assertBadRequest(search("(".repeat(10_000) + "{}" + ")".repeat(10_000)), "the query nests deeper than 100 levels");
    assertBadRequest(search("{ " + "!".repeat(10_000) + ".a }"), "the query nests deeper than 100 levels");
    assertBadRequest(search("{ .a = \"" + "x".repeat(1_048_576) + "\" }"),
        "invalid TraceQL query: query is 1048587 characters long; at most 65536 are accepted");
    assertBadRequest(search("{ .a =~ \"((a{1000}){1000}){1000}\" }"), "regular expression is too large");
    // A pattern that backtracks exponentially in a backtracking engine, over a 50,000-character value:
    // RE2 answers in linear time, and correctly (the value ends in '!').
    HttpTestClient.Response catastrophic = search("{ span.long =~ \"(a+)+$\" }");
    assertEquals(200, catastrophic.status(), catastrophic.text());
    assertFalse(catastrophic.json().has("traces"), catastrophic.text());
    assertEquals(1, search("{ span.long =~ \"(a|aa)+!\" }").json().get("traces").size());
    // Longer than any request line the Tempo port takes: refused by HTTP itself, the server stays up.
    HttpTestClient.Response huge = tempo.get("/api/search?q=" + "x".repeat(3 * 1024 * 1024));
    assertEquals(414, huge.status());
    assertStillServing();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "/api/search?minDuration=abc;          parameter 'minDuration': invalid duration \"abc\"",
      "/api/search?minDuration=5;            parameter 'minDuration': missing unit in duration \"5\"",
      "/api/search?maxDuration=-1s;          parameter 'maxDuration': must not be negative",
      "/api/search?minDuration=2s&maxDuration=1s; parameter 'maxDuration': must be at least minDuration",
      "/api/search?q=%7B%20duration%20%3E%205mins%20%7D; unknown unit 'mins' in duration '5mins'",
      "/api/search?limit=0;                  parameter 'limit': must be a positive number, got 0",
      "/api/search?limit=many;               parameter 'limit': not an integer: \"many\"",
      "/api/search?spss=-1;                  parameter 'spss': must be a positive number, got -1",
      "/api/search?start=monday;             parameter 'start': expected unix epoch seconds, got \"monday\"",
      "/api/search?start=200&end=100;        parameter 'end': must be after start, got start=200 end=100",
      "/api/search?tags=a%3D%22open;         parameter 'tags': unterminated quoted value starting at position 3",
      "/api/search?tags=a%3D1%20a%3D2;       parameter 'tags': tag a has been set twice",
      "/api/search?tags=a%3D1&q=%7B%7D;      parameter 'tags': cannot be combined with q",
      "/api/traces/xyz;                      parameter 'traceID': not a hex character: 'x'",
      "/api/traces/0123456789abcdef0123456789abcdef0; parameter 'traceID': trace id must be 1 to 32 hex characters, got 33",
      "/api/v2/traces/12-34;                 parameter 'traceID': not a hex character: '-'",
      "/api/traces/00000000000000010000000000000002?start=soon; parameter 'start': expected unix epoch seconds, got \"soon\"",
      "/api/traces/00000000000000010000000000000002?start=20&end=10; parameter 'end': must not be before start",
      "/api/search/tags?scope=everything;    parameter 'scope': expected one of span, resource, intrinsic",
      "/api/v2/search/tags?scope=SPAN;       parameter 'scope': expected one of span",
      "/api/v2/search/tag/foo/values;        parameter 'tagName': \"foo\" is not an attribute or intrinsic",
      "/api/v2/search/tag/span./values;      expected an attribute name after 'span.'",
      "/api/v2/search/tag/count/values;      expected an attribute (span.x, resource.x, .x) or an intrinsic"})
  void badParametersAreNamed(String pathAndQuery, String expected) throws Exception {
    assertBadRequest(tempo.get(pathAndQuery), expected);
  }

  @Test
  void hugeBadValuesGiveBoundedMessages() throws Exception {
    HttpTestClient.Response r = tempo.get("/api/search?minDuration=" + "9".repeat(200_000) + "x");
    assertBadRequest(r, "parameter 'minDuration'");
    assertTrue(r.body().length < 2_000, "message of " + r.body().length + " bytes");
  }

  @Test
  void onlyGetIsAnswered() throws Exception {
    HttpTestClient.Response post = tempo.send(HttpRequest.newBuilder(tempo.uri("/api/search"))
        .POST(HttpRequest.BodyPublishers.ofString("q={}")));
    assertEquals(405, post.status());
  }

  @Test
  void badInputLosesNothing() throws Exception {
    search("{ .a = ");
    search("(".repeat(5_000));
    tempo.get("/api/traces/nothex");
    assertStillServing();
  }

  private static void assertStillServing() throws Exception {
    HttpTestClient.Response trace = tempo.get("/api/traces/" + TRACE_ID);
    assertEquals(200, trace.status(), trace.text());
    assertEquals(1, search("{ resource.service.name = \"victim\" } > { name = \"child\" }").json().get("traces").size());
  }
}
