package dev.ariadne.server.extension;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.collector.config.extension.PprofConfig;
import dev.ariadne.server.listener.HttpComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The {@code pprof} extension, mapped to the JVM's tools: <b>JFR, not pprof format</b>.
 *
 * <ul>
 *   <li>{@code GET /debug/pprof/profile?seconds=N} records Java Flight Recorder's "profile" settings
 *       for N seconds (default 30, as Go's; 1 to {@value #MAX_SECONDS}) and answers the {@code .jfr}
 *       file (open it with JDK Mission Control or {@code jfr print}). One at a time: a second request
 *       meanwhile is 409.
 *   <li>{@code GET /debug/pprof/goroutine} answers a thread dump as text.
 *   <li>{@code GET /debug/pprof/} lists both.
 * </ul>
 *
 * {@code save_to_file} names a recording kept from {@link #start()} to {@link #close()}, written then.
 * The block and mutex fractions are Go runtime knobs with no JVM counterpart and are ignored.
 */
public final class PprofExtension extends HttpComponent {
  static final int MAX_SECONDS = 300;
  private static final MediaType JFR = MediaType.create("application", "octet-stream");

  private final PprofConfig config;
  private final AtomicBoolean profiling = new AtomicBoolean();
  private Recording whole;

  public PprofExtension(PprofConfig config) {
    super(config.endpoint());
    this.config = config;
  }

  public PprofExtension start() {
    if (!config.saveToFile().isEmpty()) {
      whole = new Recording(settings());
      whole.setName("ariadne-pprof-save-to-file");
      try {
        whole.setDestination(Path.of(config.saveToFile()));
      } catch (IOException e) {
        whole.close();
        throw new UncheckedIOException("pprof save_to_file " + config.saveToFile() + ": " + e.getMessage(), e);
      }
      whole.start();
    }
    listen();
    return this;
  }

  /** Stops the listener; with {@code save_to_file}, writes the recording there. */
  @Override
  public void close() {
    super.close();
    if (whole != null) whole.close();
  }

  @Override
  protected void bind(ServerBuilder sb) {
    sb.route().get("/debug/pprof/").build((ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8,
        "JFR, not pprof format.\n/debug/pprof/profile?seconds=N  a Java Flight Recorder recording of N seconds (.jfr)\n"
            + "/debug/pprof/goroutine          a thread dump\n"));
    sb.route().get("/debug/pprof/profile").build(this::profile);
    sb.route().get("/debug/pprof/goroutine").build((ctx, req) -> threadDump());
  }

  private HttpResponse profile(ServiceRequestContext ctx, HttpRequest req) {
    String text = QueryParams.fromQueryString(ctx.query()).get("seconds", "30");
    int seconds;
    try {
      seconds = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return badRequest("seconds: not a whole number: " + text);
    }
    if (seconds < 1 || seconds > MAX_SECONDS) return badRequest("seconds: must be between 1 and " + MAX_SECONDS + ", got " + seconds);
    if (!profiling.compareAndSet(false, true)) {
      return HttpResponse.of(HttpStatus.CONFLICT, MediaType.PLAIN_TEXT_UTF_8, "a profile is already being recorded\n");
    }
    ctx.setRequestTimeout(Duration.ofSeconds(seconds + 60));
    Recording recording = new Recording(settings());
    recording.setName("ariadne-pprof-profile");
    recording.start();
    CompletableFuture<HttpResponse> done = new CompletableFuture<>();
    // Waits on a timer, not a thread; the dump runs on the blocking executor.
    ctx.blockingTaskExecutor().schedule(() -> {
      try {
        done.complete(finish(recording));
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      } finally {
        profiling.set(false);
      }
    }, seconds, TimeUnit.SECONDS);
    return HttpResponse.of(done);
  }

  private static HttpResponse finish(Recording recording) {
    try (recording) {
      recording.stop();
      Path file = Files.createTempFile("ariadne-profile", ".jfr");
      try {
        recording.dump(file);
        byte[] jfr = Files.readAllBytes(file);
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
            .contentType(JFR)
            .set("content-disposition", "attachment; filename=\"profile.jfr\"")
            .build(), HttpData.wrap(jfr));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the recording: " + e.getMessage(), e);
    }
  }

  private static HttpResponse threadDump() {
    StringBuilder dump = new StringBuilder();
    for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) dump.append(thread);
    return HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, dump.toString());
  }

  private static Configuration settings() {
    try {
      return Configuration.getConfiguration("profile");
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("the JDK's JFR \"profile\" settings cannot be read: " + e.getMessage(), e);
    }
  }

  private static HttpResponse badRequest(String message) {
    return HttpResponse.of(HttpStatus.BAD_REQUEST, MediaType.PLAIN_TEXT_UTF_8, message + "\n");
  }
}
