package dev.ariadne.server.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.config.extension.PprofConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pprof mapped to JFR over HTTP: a profile is a real JFR recording; bad and concurrent requests are refused. */
class ExtensionPprofTest {
  @TempDir Path dir;
  private PprofExtension pprof;

  @AfterEach
  void stop() {
    if (pprof != null) pprof.close();
  }

  @Test
  void aProfileIsAJfrRecordingOfTheAskedSeconds() throws Exception {
    pprof = new PprofExtension(new PprofConfig("127.0.0.1:0", 0, 0, "")).start();
    HttpResponse<byte[]> response = new Http(pprof.port()).getBytes("/debug/pprof/profile?seconds=1");
    assertEquals(200, response.statusCode());
    assertEquals("application/octet-stream", response.headers().firstValue("content-type").orElseThrow());
    assertEquals("attachment; filename=\"profile.jfr\"", response.headers().firstValue("content-disposition").orElseThrow());
    assertTrue(events(response.body()) > 0);
    assertTrue(FlightRecorder.getFlightRecorder().getRecordings().stream()
        .noneMatch(r -> r.getName().equals("ariadne-pprof-profile")), "the recording is closed");
  }

  @Test
  void badSecondsAreRefusedAndOneProfileRunsAtATime() throws Exception {
    pprof = new PprofExtension(new PprofConfig("127.0.0.1:0", 0, 0, "")).start();
    Http http = new Http(pprof.port());
    assertRefused(http, "/debug/pprof/profile?seconds=abc", 400, "seconds: not a whole number: abc\n");
    assertRefused(http, "/debug/pprof/profile?seconds=0", 400, "seconds: must be between 1 and 300, got 0\n");
    assertRefused(http, "/debug/pprof/profile?seconds=301", 400, "seconds: must be between 1 and 300, got 301\n");
    assertRefused(http, "/debug/pprof/profile?seconds=99999999999", 400, "seconds: not a whole number: 99999999999\n");

    CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> {
      try {
        return http.getBytes("/debug/pprof/profile?seconds=2");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // The first has begun once its recording exists.
    while (FlightRecorder.getFlightRecorder().getRecordings().stream().noneMatch(r -> r.getName().equals("ariadne-pprof-profile"))) {
      assertFalse(first.isDone(), "the first profile ended before it was seen");
      Thread.sleep(10);
    }
    assertRefused(http, "/debug/pprof/profile?seconds=1", 409, "a profile is already being recorded\n");
    assertEquals(200, first.get(60, TimeUnit.SECONDS).statusCode());
  }

  @Test
  void threadDumpAndIndex() throws Exception {
    pprof = new PprofExtension(new PprofConfig("127.0.0.1:0", 0, 0, "")).start();
    Http http = new Http(pprof.port());
    HttpResponse<String> threads = http.get("/debug/pprof/goroutine");
    assertEquals(200, threads.statusCode());
    assertTrue(threads.body().contains("\"main\""), threads.body());
    assertTrue(http.get("/debug/pprof/").body().startsWith("JFR, not pprof format."));
    assertEquals(404, http.get("/debug/pprof/heap").statusCode());
  }

  @Test
  void saveToFileKeepsARecordingFromStartToClose() throws Exception {
    Path file = dir.resolve("whole.jfr");
    pprof = new PprofExtension(new PprofConfig("127.0.0.1:0", 0, 0, file.toString())).start();
    assertFalse(Files.exists(file) && Files.size(file) > 0, "written at close");
    pprof.close();
    pprof = null;
    assertTrue(events(Files.readAllBytes(file)) > 0);
  }

  private void assertRefused(Http http, String path, int status, String body) throws Exception {
    HttpResponse<String> response = http.get(path);
    assertEquals(status, response.statusCode(), path);
    assertEquals(body, response.body());
  }

  private long events(byte[] jfr) throws Exception {
    Path file = Files.createTempFile(dir, "p", ".jfr");
    Files.write(file, jfr);
    long count = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (event != null) count++;
      }
    }
    return count;
  }
}
