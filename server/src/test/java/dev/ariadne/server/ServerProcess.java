package dev.ariadne.server;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ariadne all-in-one} in a JVM of its own on free loopback ports, for tests that stop it by
 * signal. Its output is drained continuously (so it never blocks on a full pipe) and kept for messages.
 */
final class ServerProcess implements AutoCloseable {
  private static final List<String> PORT_OPTIONS = List.of("--otlp-grpc-port", "--otlp-http-port", "--query-port",
      "--admin-port", "--zipkin-port", "--tempo-port", "--jaeger-thrift-http-port", "--jaeger-grpc-port",
      "--jaeger-agent-compact-port", "--jaeger-agent-binary-port", "--query-grpc-port");

  private final Process process;
  private final String banner;
  private final StringBuilder output = new StringBuilder();
  private final Thread drain;

  private ServerProcess(Process process, String banner, String beforeBanner, BufferedReader out) {
    this.process = process;
    this.banner = banner;
    output.append(beforeBanner);
    this.drain = Thread.ofPlatform().daemon().start(() -> {
      try (out) {
        for (String line; (line = out.readLine()) != null; ) append(line);
      } catch (IOException e) {
        append("(output ended: " + e.getMessage() + ")");
      }
    });
  }

  /** Starts the server with {@code options} added to free ports on 127.0.0.1; returns once it printed its ports. */
  static ServerProcess start(String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path"), Ariadne.class.getName(), "all-in-one", "--host", "127.0.0.1"));
    for (String option : PORT_OPTIONS) command.addAll(List.of(option, "0"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder before = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("ariadne all-in-one:")) return new ServerProcess(process, line, before.toString(), out);
      before.append(line).append('\n');
    }
    process.destroyForcibly();
    throw new IOException("the server exited before printing its ports:\n" + before);
  }

  /** The port the banner gives for a listener, e.g. "admin", "OTLP gRPC", "Jaeger query". */
  int port(String listener) {
    Matcher m = Pattern.compile(Pattern.quote(listener) + " :(\\d+)").matcher(banner);
    if (!m.find()) throw new IllegalArgumentException("no " + listener + " in " + banner);
    return Integer.parseInt(m.group(1));
  }

  /** SIGKILL: no shutdown hook runs, as when the machine or the OOM killer stops the process. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** SIGTERM (Process.destroy() would also close our end of its output); returns the exit status. */
  int terminate() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("no exit within a minute of SIGTERM");
    drain.join(10_000);
    return process.exitValue();
  }

  /** What the server printed so far, but for its banner. */
  synchronized String output() {
    return output.toString();
  }

  private synchronized void append(String line) {
    output.append(line).append('\n');
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
