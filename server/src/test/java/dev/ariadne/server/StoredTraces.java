package dev.ariadne.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.model.TraceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back what a running server holds, through its Jaeger query API and its /metrics. */
final class StoredTraces {
  private final HttpTestClient query;
  private final HttpTestClient admin;

  StoredTraces(int queryPort, int adminPort) {
    this.query = new HttpTestClient(queryPort);
    this.admin = new HttpTestClient(adminPort);
  }

  /** The span ids the server returns for the trace, as Jaeger's hex strings; empty when it has none. */
  List<String> spanIds(TraceId id) throws IOException, InterruptedException {
    HttpTestClient.Response response = query.get("/api/traces/" + id.toHex());
    if (response.status() == 404) return List.of();
    if (response.status() != 200) throw new IOException("GET trace " + id.toHex() + ": " + response.status() + " " + response.text());
    List<String> ids = new ArrayList<>();
    for (JsonNode span : response.json().path("data").path(0).path("spans")) ids.add(span.path("spanID").asText());
    return ids;
  }

  /** Waits until the trace has {@code count} spans (spans forwarded through a queue arrive later), and returns their ids. */
  List<String> awaitSpans(TraceId id, int count) throws IOException, InterruptedException {
    List<String> ids = spanIds(id);
    while (ids.size() < count) {
      Thread.sleep(20);
      ids = spanIds(id);
    }
    return ids;
  }

  /** A metric on /metrics, its samples summed over their labels; fails if the server does not publish it. */
  double metric(String name) throws IOException, InterruptedException {
    String text = admin.get("/metrics").text();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
    if (!m.find()) throw new IOException("no " + name + " on /metrics");
    double sum = 0;
    do {
      sum += Double.parseDouble(m.group(1));
    } while (m.find());
    return sum;
  }
}
