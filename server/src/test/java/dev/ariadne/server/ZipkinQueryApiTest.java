package dev.ariadne.server;

import static dev.ariadne.server.ZipkinReporterEndToEndTest.encode;
import static dev.ariadne.server.ZipkinReporterEndToEndTest.ids;
import static dev.ariadne.server.ZipkinReporterEndToEndTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zipkin2.Endpoint;
import zipkin2.Span;

/**
 * The Zipkin API's search and lookups, with Zipkin's semantics: conditions met by the spans of the
 * named service together, the time window on the trace's root, defaults, limits and autocompletion.
 * Spans go in through Zipkin's sender; answers are read over HTTP.
 */
class ZipkinQueryApiTest {
  private static final long T0 = 1_600_000_000_000_000L; // µs
  private static final long T0_MS = T0 / 1_000;
  private static AllInOne server;
  private static HttpTestClient zipkin;

  @BeforeAll
  static void start() throws Exception {
    server = new AllInOne(AllInOneConfig.ephemeral().withZipkinAutocompleteKeys(List.of("region", "http.method"))).start();
    zipkin = new HttpTestClient(server.zipkinPort());
    // Trace 1: shop's root at T0 (GET, region=eu), its child 10 s later calling db; an "inventory" span
    // of another service carries the tag "sku".
    // Trace 2: shop's root at T0 + 60 s, 2 ms long, region=us. Trace 3: shop, T0 + 120 s, 30 ms long.
    ZipkinSender.sendJsonV2(server.zipkinPort(), List.of(
        span(1, 0x11, 0, "shop", "get /", T0, 50_000).putTag("http.method", "GET").putTag("region", "eu").build(),
        span(1, 0x12, 0x11, "shop", "query", T0 + 10_000_000, 1_000).kind(Span.Kind.CLIENT)
            .remoteEndpoint(Endpoint.newBuilder().serviceName("db").build()).addAnnotation(T0 + 10_000_100, "retry")
            .build(),
        span(1, 0x13, 0x11, "inventory", "reserve", T0 + 1_000, 2_000).putTag("sku", "42").build(),
        span(2, 0x21, 0, "shop", "get /", T0 + 60_000_000, 2_000).putTag("region", "us").build(),
        span(3, 0x31, 0, "shop", "post /", T0 + 120_000_000, 30_000).putTag("http.method", "POST").build()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Span.Builder span(long trace, long id, long parent, String service, String name, long start,
      long duration) {
    return Span.newBuilder().traceId(0, trace).id(id).parentId(parent).name(name).timestamp(start).duration(duration)
        .localEndpoint(Endpoint.newBuilder().serviceName(service).build());
  }

  private static List<String> search(String query) throws Exception {
    JsonNode found = zipkin.get("/api/v2/traces?endTs=" + (T0_MS + 600_000) + "&" + query).json();
    return ids(found);
  }

  private static final String TRACE1 = "0000000000000001";
  private static final String TRACE2 = "0000000000000002";
  private static final String TRACE3 = "0000000000000003";

  @Test
  void annotationQueryIsMetByTheServicesSpansTogether() throws Exception {
    assertEquals(List.of(TRACE1), search("serviceName=shop&annotationQuery=" + encode("region=eu and retry")));
    assertEquals(List.of(TRACE3, TRACE1), search("serviceName=shop&annotationQuery=http.method"));
    assertEquals(List.of(TRACE1), search("serviceName=shop&annotationQuery=" + encode("http.method=GET")));
    assertEquals(List.of(), search("serviceName=shop&annotationQuery=sku"), "sku is another service's tag");
    assertEquals(List.of(TRACE1), search("annotationQuery=" + encode("sku=42 and region=eu")), "any service");
    assertEquals(List.of(TRACE1), search("serviceName=SHOP&remoteServiceName=DB"), "names are lowercased");
    assertEquals(List.of(), search("serviceName=inventory&remoteServiceName=db"));
    assertEquals(List.of(), search("serviceName=nobody"));
  }

  @Test
  void spanNameAndDurations() throws Exception {
    assertEquals(List.of(TRACE2, TRACE1), search("serviceName=shop&spanName=" + encode("get /")));
    assertEquals(List.of(TRACE3, TRACE2, TRACE1), search("serviceName=shop&spanName=all"), "\"all\" is any name");
    assertEquals(List.of(TRACE3, TRACE1), search("serviceName=shop&minDuration=30000"));
    assertEquals(List.of(TRACE3), search("serviceName=shop&minDuration=30000&maxDuration=40000"));
  }

  @Test
  void theWindowIsOnTheRootsTimestamp() throws Exception {
    String shop = "serviceName=shop&";
    assertEquals(List.of(TRACE1), ids(zipkin.get("/api/v2/traces?" + shop + "endTs=" + (T0_MS + 5_000)
        + "&lookback=10000").json()), "the root is in the window though a child starts after it");
    assertEquals(List.of(), ids(zipkin.get("/api/v2/traces?" + shop + "endTs=" + (T0_MS + 15_000)
        + "&lookback=10000").json()), "only the child is in the window");
    assertEquals(List.of(TRACE2), ids(zipkin.get("/api/v2/traces?" + shop + "endTs=" + (T0_MS + 60_000)
        + "&lookback=1").json()));
  }

  @Test
  void limitAndDefaults() throws Exception {
    assertEquals(List.of(TRACE3, TRACE2), search("serviceName=shop&limit=2"), "the newest first");
    // Without endTs the window ends now and reaches back a day: these 2020 traces are outside it.
    assertEquals(List.of(), ids(zipkin.get("/api/v2/traces?serviceName=shop").json()));
  }

  @Test
  void namesTracesByIdAndDependencies() throws Exception {
    assertEquals(List.of("inventory", "shop"), texts(zipkin.get("/api/v2/services").json()));
    assertEquals(List.of("get /", "post /", "query"), texts(zipkin.get("/api/v2/spans?serviceName=Shop").json()));
    assertEquals(List.of(), texts(zipkin.get("/api/v2/spans?serviceName=nobody").json()));
    assertEquals(List.of("db"), texts(zipkin.get("/api/v2/remoteServices?serviceName=shop").json()));
    assertEquals(List.of(TRACE3, TRACE1),
        ids(zipkin.get("/api/v2/traceMany?traceIds=3,00000000000000000000000000000001,ff").json()));
    assertEquals(200, zipkin.get("/api/v2/trace/00000000000000000000000000000001").status(), "a 64-bit id in 32 digits");

    JsonNode links = zipkin.get("/api/v2/dependencies?endTs=" + (T0_MS + 600_000) + "&lookback=600000").json();
    assertEquals("[{\"parent\":\"shop\",\"child\":\"inventory\",\"callCount\":1}]", links.toString());
    assertEquals("[]", zipkin.get("/api/v2/dependencies?endTs=" + (T0_MS - 1)).text());
  }

  @Test
  void autocompleteOffersTheConfiguredKeysAndTheirValues() throws Exception {
    assertEquals(List.of("http.method", "region"), texts(zipkin.get("/api/v2/autocompleteKeys").json()));
    assertEquals(List.of("eu", "us"), texts(zipkin.get("/api/v2/autocompleteValues?key=region").json()));
    assertEquals(List.of("GET", "POST"), texts(zipkin.get("/api/v2/autocompleteValues?key=http.method").json()));
    assertEquals(List.of(), texts(zipkin.get("/api/v2/autocompleteValues?key=sku").json()), "not a configured key");
  }
}
