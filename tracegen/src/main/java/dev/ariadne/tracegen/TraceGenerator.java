package dev.ariadne.tracegen;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import dev.ariadne.tracegen.Topology.Call;
import dev.ariadne.tracegen.Topology.Database;
import dev.ariadne.tracegen.Topology.Operation;
import dev.ariadne.tracegen.Topology.Protocol;
import dev.ariadne.tracegen.Topology.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes realistic traces from a seed: the same seed and start time give the same traces, span for span.
 *
 * <p>Each trace enters at the frontend and grows a call tree of depth 2 to 6 with 5 to 40 spans: a
 * CLIENT span in one service paired with a SERVER span in the next, database CLIENT spans, INTERNAL
 * work. Attributes follow the OTel semantic conventions (5 to 15 per span); durations are log-normal and
 * children fit inside their parents; about 2% of traces fail, with the error marked on the failing span
 * and every ancestor.
 */
public final class TraceGenerator {
  static final double ERROR_TRACE_RATIO = 0.02;
  private static final int REPLICAS = 3;
  private static final int MAX_CHILDREN = 8;

  private final SplittableRandom random;
  private final Map<String, Resource[]> resources = new HashMap<>();
  private final Map<String, InstrumentationScope> scopes = new HashMap<>();
  private long nextStartNanos;

  public TraceGenerator(long seed, long startEpochNanos) {
    this.random = new SplittableRandom(seed);
    this.nextStartNanos = startEpochNanos;
    for (Service service : Topology.SERVICES.values()) {
      Resource[] replicas = new Resource[REPLICAS];
      for (int i = 0; i < REPLICAS; i++) replicas[i] = resource(service, i);
      resources.put(service.name(), replicas);
      scopes.put(service.name(), InstrumentationScope.of(
          service.protocol() == Protocol.HTTP ? "io.opentelemetry.http" : "io.opentelemetry.grpc", "1.42.0"));
    }
  }

  /** The next trace's spans, parents before children. */
  public List<Span> nextTrace() {
    long traceHigh = nonZero();
    long traceLow = nonZero();
    int budget = 5 + random.nextInt(36);
    int maxDepth = 2 + random.nextInt(5);
    Service frontend = Topology.SERVICES.get(Topology.ROOT);
    Operation entry = pick(frontend.operations());
    Node root = new Node(frontend, replica(frontend), SpanKind.SERVER, entry.name(), 1);
    root.operation = entry;
    grow(root, budget, maxDepth);

    root.start = nextStartNanos;
    root.duration = logNormalNanos(40e6, 0.7);
    nextStartNanos += 1_000_000 + random.nextLong(20_000_000);
    place(root);
    if (random.nextDouble() < ERROR_TRACE_RATIO) fail(root);

    List<Span> spans = new ArrayList<>(budget);
    emit(root, 0, traceHigh, traceLow, spans);
    return spans;
  }

  /** A tree node: one span being planned, with its children. */
  private static final class Node {
    final Service service;
    final Resource resource;
    final SpanKind kind;
    final String name;
    final int depth;
    final List<Node> children = new ArrayList<>();
    Node parent;
    Operation operation;
    Call call;
    Database database;
    String statement;
    long start;
    long duration;
    boolean error;

    Node(Service service, Resource resource, SpanKind kind, String name, int depth) {
      this.service = service;
      this.resource = resource;
      this.kind = kind;
      this.name = name;
      this.depth = depth;
    }

    Node add(Node child) {
      child.parent = this;
      children.add(child);
      return child;
    }
  }

  /** Adds spans under server spans, breadth-randomly, until the budget or the depth runs out. */
  private void grow(Node root, int budget, int maxDepth) {
    List<Node> open = new ArrayList<>(List.of(root));
    int count = 1;
    while (count < budget && !open.isEmpty()) {
      Node server = open.get(random.nextInt(open.size()));
      if (server.depth >= maxDepth || server.children.size() >= MAX_CHILDREN) {
        open.remove(server);
        continue;
      }
      Service service = server.service;
      double roll = random.nextDouble();
      if (!service.calls().isEmpty() && server.depth + 2 <= maxDepth && budget - count >= 2 && roll < 0.5) {
        Call call = pick(service.calls());
        Service callee = Topology.SERVICES.get(call.callee());
        Operation op = pick(callee.operations());
        Node client = server.add(new Node(service, server.resource, SpanKind.CLIENT,
            call.protocol() == Protocol.HTTP ? op.name().substring(0, op.name().indexOf(' ')) : op.name(),
            server.depth + 1));
        client.call = call;
        client.operation = op;
        Node remote = client.add(new Node(callee, replica(callee), SpanKind.SERVER, op.name(), server.depth + 2));
        remote.operation = op;
        open.add(remote);
        count += 2;
      } else if (!service.databases().isEmpty() && roll < 0.8) {
        Database db = pick(service.databases());
        String statement = pick(db.statements());
        String verb = statement.substring(0, statement.indexOf(' '));
        Node query = server.add(new Node(service, server.resource, SpanKind.CLIENT,
            verb + " " + db.namespace(), server.depth + 1));
        query.database = db;
        query.statement = statement;
        count++;
      } else {
        String work = service.internalWork().isEmpty() ? "process" : pick(service.internalWork());
        server.add(new Node(service, server.resource, SpanKind.INTERNAL, work, server.depth + 1));
        count++;
      }
    }
  }

  /** Lays children out one after another inside their parent, leaving the parent some time of its own. */
  private void place(Node node) {
    if (node.children.isEmpty()) return;
    if (node.kind == SpanKind.CLIENT && node.call != null) {
      // The remote server span sits inside the client span, less the network both ways.
      Node server = node.children.getFirst();
      long network = Math.min(node.duration / 4, Math.max(50_000, node.duration / 20));
      server.start = node.start + network;
      server.duration = node.duration - 2 * network;
      place(server);
      return;
    }
    double[] weights = new double[node.children.size()];
    double total = 0;
    for (int i = 0; i < weights.length; i++) total += weights[i] = 0.2 + random.nextDouble();
    long available = (long) (node.duration * (0.6 + 0.3 * random.nextDouble()));
    long cursor = node.start + (node.duration - available) / 2;
    for (int i = 0; i < weights.length; i++) {
      Node child = node.children.get(i);
      long slot = (long) (available * weights[i] / total);
      child.start = cursor + slot / 20;
      child.duration = slot - slot / 10;
      cursor += slot;
      place(child);
    }
  }

  /** Fails a random leaf and every span above it. */
  private void fail(Node root) {
    Node node = root;
    while (!node.children.isEmpty()) node = pick(node.children);
    for (; node != null; node = node.parent) node.error = true;
  }

  private void emit(Node node, long parentId, long traceHigh, long traceLow, List<Span> out) {
    long spanId = nonZero();
    Span.Builder b = Span.builder()
        .resource(node.resource)
        .scope(scopes.get(node.service.name()))
        .traceId(traceHigh, traceLow)
        .spanId(spanId)
        .parentSpanId(parentId)
        .flags(0x101)
        .name(node.name)
        .kind(node.kind)
        .startEpochNanos(node.start)
        .endEpochNanos(node.start + node.duration)
        .attributes(attributes(node));
    if (node.error) {
      boolean leaf = node.children.isEmpty();
      b.status(StatusCode.ERROR, leaf ? failureMessage(node) : "");
      if (leaf) b.events(List.of(exceptionEvent(node)));
    } else if (random.nextInt(10) == 0) {
      b.events(List.of(new SpanEvent(node.start + node.duration / 2, "cache.miss",
          Attributes.of("cache.key", "product:" + random.nextInt(5000)), 0)));
    }
    out.add(b.build());
    for (Node child : node.children) emit(child, spanId, traceHigh, traceLow, out);
  }

  private Attributes attributes(Node node) {
    Attributes.Builder a = Attributes.builder(12);
    if (node.database != null) {
      Database db = node.database;
      a.put("db.system", db.system())
          .put("db.namespace", db.namespace())
          .put("db.operation.name", node.name.substring(0, node.name.indexOf(' ')))
          .put("db.query.text", node.statement)
          .put("server.address", db.system() + "." + db.namespace() + ".svc")
          .put("server.port", (long) db.port())
          .put("network.peer.address", "10.0." + random.nextInt(4) + "." + (10 + random.nextInt(200)));
      if (db.system().equals("postgresql")) a.put("db.response.returned_rows", (long) random.nextInt(50));
    } else if (node.kind == SpanKind.INTERNAL) {
      a.put("code.function.name", node.service.name() + "." + node.name.replace('-', '_'))
          .put("app.items", (long) (1 + random.nextInt(20)))
          .put("app.cache_hit", random.nextBoolean())
          .put("thread.name", "worker-" + random.nextInt(16))
          .put("tenant.id", tenant());
    } else {
      Protocol protocol = node.kind == SpanKind.CLIENT ? node.call.protocol() : node.service.protocol();
      String peer = node.kind == SpanKind.CLIENT ? node.call.callee() : node.service.name();
      if (protocol == Protocol.HTTP) http(node, a, peer); else grpc(node, a, peer);
      a.put("tenant.id", tenant());
      if (node.kind == SpanKind.SERVER) a.put("enduser.id", "user-" + random.nextInt(10_000));
    }
    return a.build();
  }

  private void http(Node node, Attributes.Builder a, String peer) {
    String route = node.operation.route();
    String method = node.operation.name().substring(0, node.operation.name().indexOf(' '));
    String path = route.replace("{id}", Integer.toString(random.nextInt(100_000)));
    a.put("http.request.method", method)
        .put("http.response.status_code", node.error ? 500L : (random.nextInt(50) == 0 ? 404L : 200L))
        .put("server.address", peer + ".shop.svc")
        .put("server.port", 8080L)
        .put("network.protocol.version", "1.1")
        .put("url.scheme", "http");
    if (node.kind == SpanKind.SERVER) {
      a.put("http.route", route)
          .put("url.path", path)
          .put("client.address", "10.1." + random.nextInt(8) + "." + random.nextInt(250))
          .put("user_agent.original", random.nextBoolean()
              ? "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
              : "okhttp/4.12.0");
    } else {
      a.put("url.full", "http://" + peer + ".shop.svc:8080" + path);
    }
  }

  private void grpc(Node node, Attributes.Builder a, String peer) {
    String full = node.operation.name();
    a.put("rpc.system", "grpc")
        .put("rpc.service", full.substring(0, full.indexOf('/')))
        .put("rpc.method", full.substring(full.indexOf('/') + 1))
        .put("rpc.grpc.status_code", node.error ? 13L : 0L)
        .put("server.address", peer + ".shop.svc")
        .put("server.port", 50051L)
        .put("network.peer.address", "10.0." + random.nextInt(4) + "." + (10 + random.nextInt(200)));
  }

  private String tenant() {
    return "tenant-" + random.nextInt(50);
  }

  private String failureMessage(Node node) {
    return node.database != null ? "connection reset by peer" : "deadline exceeded after 2s";
  }

  private SpanEvent exceptionEvent(Node node) {
    String type = node.database != null ? "java.net.SocketException" : "java.util.concurrent.TimeoutException";
    return new SpanEvent(node.start + node.duration - node.duration / 10, "exception", Attributes.of(
        "exception.type", type,
        "exception.message", failureMessage(node),
        "exception.stacktrace", type + ": " + failureMessage(node) + "\n\tat shop." + node.service.name()
            + ".Handler.handle(Handler.java:" + (40 + random.nextInt(200)) + ")"), 0);
  }

  private Resource replica(Service service) {
    return resources.get(service.name())[random.nextInt(REPLICAS)];
  }

  private static Resource resource(Service service, int replica) {
    String pod = service.name() + "-7d9f8b6c4-" + "abcdefghijklmnop".substring(replica * 5, replica * 5 + 5);
    return Resource.of(Attributes.of(
        "service.name", service.name(),
        "service.namespace", "shop",
        "service.version", "1." + (service.name().length() % 5) + ".0",
        "service.instance.id", pod,
        "deployment.environment.name", "bench",
        "k8s.namespace.name", "shop",
        "k8s.pod.name", pod,
        "host.name", "node-" + (replica + 1),
        "telemetry.sdk.language", "java",
        "telemetry.sdk.name", "opentelemetry",
        "telemetry.sdk.version", "1.42.0"));
  }

  /** Nanoseconds from a log-normal distribution with the given median, capped at 100 times it. */
  private long logNormalNanos(double median, double sigma) {
    double value = median * Math.exp(sigma * random.nextGaussian());
    return (long) Math.min(value, median * 100);
  }

  private long nonZero() {
    long v;
    do {
      v = random.nextLong();
    } while (v == 0);
    return v;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
