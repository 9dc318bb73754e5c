package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.tracegen.LoadRunner;
import dev.ariadne.tracegen.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web UI end to end, in real headless Chromium: the server is fed a tracegen corpus and known traces,
 * then ui/e2e/ui-e2e.mjs (playwright-core driving the system's chromium) searches, opens, compares and
 * charts them, and reports each check; screenshots land in target/ui-screenshots/.
 */
class UiBrowserTest {
  private static final Path SCRIPT = Path.of("../ui/e2e/ui-e2e.mjs");
  private static final Path PLAYWRIGHT = Path.of("../ui/node_modules/playwright-core");
  private static final int WIDE_CHILDREN = 2000;

  @Test
  void searchTracePageDetailsCompareAndDependenciesWorkInChromium() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    assertTrue(Files.isExecutable(chromium),
        "the web UI's browser test needs Chromium at " + chromium + ": apt-get install chromium (or set CHROMIUM)");
    assertTrue(Files.isDirectory(PLAYWRIGHT),
        PLAYWRIGHT + " is missing: the ui module's build (npm ci) installs it; build with -pl ui,server -am");

    try (AllInOne server = new AllInOne(AllInOneConfig.ephemeral()).start()) {
      long now = System.currentTimeMillis() * 1_000_000L;
      Map<String, Object> sent = new LoadRunner(WireFormat.OTLP_GRPC, "http://127.0.0.1:" + server.otlpGrpcPort(), 2)
          .maxThroughput(11, now - TimeUnit.MINUTES.toNanos(30), 200, 10);
      assertEquals(0L, sent.get("spansFailed"), sent.toString());
      String marker = UUID.randomUUID().toString();
      String traceId = UiTraces.sendCheckout(server, marker, false, now - TimeUnit.MINUTES.toNanos(5));
      String compareId = UiTraces.sendCheckout(server, "other-" + marker, true, now - TimeUnit.MINUTES.toNanos(4));
      String wideId = UiTraces.sendWide(server, WIDE_CHILDREN, now - TimeUnit.MINUTES.toNanos(3));

      Path screenshots = Path.of("target/ui-screenshots").toAbsolutePath();
      Map<String, String> env = new HashMap<>();
      env.put("BASE_URL", "http://127.0.0.1:" + server.queryPort());
      env.put("TRACE_ID", traceId);
      env.put("SERVICE", UiTraces.FRONTEND);
      env.put("TAG", "e2e.marker=" + marker);
      env.put("SPAN_COUNT", "4");
      env.put("ATTRIBUTE", "payment.method=card");
      env.put("DETAIL_SERVICE", UiTraces.PAYMENT);
      env.put("DETAIL_OPERATION", "POST /pay");
      env.put("COMPARE_ID", compareId);
      env.put("BIG_TRACE_ID", wideId);
      env.put("BIG_SPAN_COUNT", String.valueOf(WIDE_CHILDREN + 1));
      env.put("SCREENSHOTS", screenshots.toString());
      JsonNode result = runScript(env);

      List<String> failed = new ArrayList<>();
      for (JsonNode check : result.get("checks")) {
        if (!check.get("ok").asBoolean()) failed.add(check.get("name").asText() + ": " + check.get("detail").asText());
      }
      assertEquals(List.of(), failed, "failed checks in the browser");
      assertEquals(14, result.get("checks").size(), result.toString());
      assertTrue(Files.exists(screenshots.resolve("trace.png")), "screenshots are written to " + screenshots);
    }
  }

  /** Runs the script with Node and returns the JSON line it printed last. */
  private static JsonNode runScript(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("the web UI's browser test runs Node.js, which is not on PATH: apt-get install nodejs npm", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    String[] lines = output.strip().split("\n");
    JsonNode result;
    try {
      result = HttpTestClient.JSON.readTree(lines[lines.length - 1]);
    } catch (IOException e) {
      throw new AssertionError("the browser script printed no result (exit " + exit + "):\n" + output, e);
    }
    assertTrue(result.has("checks"), output);
    assertEquals(result.get("ok").asBoolean() ? 0 : 1, exit, output);
    return result;
  }
}
