package dev.ariadne.store.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import dev.ariadne.store.memory.MemorySpanStore;
import dev.ariadne.store.object.FileSystemObjectStore;
import dev.ariadne.store.object.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** find() against MemorySpanStore.findTraces on the same traces: the memory store defines the semantics. */
class BlockFindTest {
  private static final int TRACES = 800;
  private static final String[][] TAGS = {
      {"http.method", "GET"}, {"http.method", "POST"}, {"db.system", "postgres"}, {"region", "eu-west"},
      {"region", ""}, {"retry", "true"}, {"retry", "false"}, {"http.status_code", "100"}, {"http.status_code", "-100"},
      {"ratio", "1.5"}, {"ratio", "NaN"}, {"ratio", "-0"}, {"region", "v7"}, {"retry", "v3"},
      {"host.name", "host-2"}, {"service.name", "cart"}, {"event", "retry"}, {"event", "exception"},
      {"span.kind", "server"}, {"span.kind", "client"}, {"error", "true"}, {"otel.status_code", "OK"},
      {"otel.status_code", "ERROR"}, {"otel.scope.name", "lib-1"}, {"otel.scope.version", "1.3"},
      {"w3c.tracestate", "vendor=1"}, {"otel.status_description", "boom 2"}, {"nope", "x"}, {"http.method", "PUT"}};

  @TempDir Path dir;
  private ObjectStore store;
  private MemorySpanStore memory;
  private List<Trace> traces;

  @BeforeEach
  void load() throws Exception {
    store = new FileSystemObjectStore(dir);
    traces = new ArrayList<>(new RandomTraces(5, false).traces(TRACES));
    traces.add(rareTrace());
    memory = new MemorySpanStore(TRACES * 2);
    for (Trace t : traces) memory.append(t.spans());  // arrival order is start order: newest first agrees
    List<Trace> sorted = new ArrayList<>(traces);
    sorted.sort(Comparator.comparing(Trace::traceId));
    BlockWriter writer = new BlockWriter(store, "find", 0, 100);
    for (Trace t : sorted) writer.add(t);
    writer.finish();
  }

  @Test
  void randomQueriesFindWhatTheMemoryStoreFinds() throws Exception {
    SplittableRandom random = new SplittableRandom(99);
    int nonEmpty = 0;
    int limited = 0;
    try (BlockReader reader = BlockReader.open(store, "find")) {
      for (int i = 0; i < 1_500; i++) {
        TraceQuery query = randomQuery(random);
        List<Trace> expected = memory.findTraces(query);
        List<Trace> actual = reader.find(query);
        assertEquals(expected, actual, () -> "query " + query);
        if (!expected.isEmpty()) nonEmpty++;
        if (expected.size() == query.limit()) limited++;
      }
    }
    // The queries are worth comparing: many find something, many are cut by their limit.
    assertTrue(nonEmpty > 500, "queries with results: " + nonEmpty);
    assertTrue(limited > 150, "queries cut by their limit: " + limited);
  }

  @Test
  void selectiveQueriesSkipRowGroupsByTheirStatistics() throws Exception {
    try (BlockReader reader = BlockReader.open(store, "find")) {
      int rowGroups = reader.meta().rowGroupCount();
      assertTrue(rowGroups > 20, "row groups: " + rowGroups);

      List<Trace> found = reader.find(TraceQuery.builder().tag("order.id", "rare-42").build());
      assertEquals(List.of(rareTrace().traceId()), found.stream().map(Trace::traceId).toList());
      assertTrue(reader.stats().rowGroupsSkipped() >= rowGroups - 2, reader.stats().toString());
      assertTrue(reader.stats().rowGroupsRead() <= 2, reader.stats().toString());

      long readBefore = reader.stats().bytesRead();
      assertEquals(List.of(), reader.find(TraceQuery.builder().serviceName("no-such-service").build()));
      assertEquals(readBefore, reader.stats().bytesRead(), "a service the block lacks reads nothing");

      long skippedBefore = reader.stats().rowGroupsSkipped();
      long minStart = reader.meta().maxStartNanos() + 1;
      assertEquals(List.of(), reader.find(TraceQuery.builder().startWithin(minStart, 0).build()));
      assertEquals(skippedBefore + rowGroups, reader.stats().rowGroupsSkipped());
    }
  }

  @Test
  void aTagSearchReadsOnlyTheValueFramesOfTheKeysItNames() throws Exception {
    try (BlockReader reader = BlockReader.open(store, "find")) {
      BlockIndex index = reader.index();
      int key = index.idOf("http.method");
      long everything = 0;
      long named = 0;  // what a search on http.method alone may read, but for the row group it decodes
      long largest = 0;
      for (RowGroupStats rg : index.rowGroups) {
        everything += rg.totalLength();
        largest = Math.max(largest, rg.totalLength());
        int frame = rg.valueFrameOf(key);
        named += rg.lengthOf(Column.RESOURCES, Column.CORE) + rg.chunkLengths()[Column.TAGS.ordinal()]
            + (frame < 0 ? 0 : rg.valueFrameLengths()[frame]);
      }
      long before = reader.stats().bytesRead();
      TraceQuery query = TraceQuery.builder().tag("http.method", "GET").limit(1).build();
      assertEquals(memory.findTraces(query), reader.find(query));
      long read = reader.stats().bytesRead() - before;
      assertTrue(read <= named + largest, read + " bytes read, " + named + " in the frames searched");
      assertTrue(named + largest < everything / 2, named + " bytes searched of " + everything);
    }
  }

  private static Trace rareTrace() {
    TraceId id = new TraceId(42, 42);
    long start = RandomTraces.BASE + (TRACES + 5) * 1_000_000_000L;
    Span span = Span.builder().traceId(id).spanId(1).name("rare").startEpochNanos(start).endEpochNanos(start + 5)
        .attributes(Attributes.of("order.id", "rare-42")).build();
    return new Trace(id, List.of(span));
  }

  private static TraceQuery randomQuery(SplittableRandom random) {
    TraceQuery.Builder q = TraceQuery.builder().limit(1 + random.nextInt(random.nextBoolean() ? 5 : 60));
    if (random.nextInt(3) == 0) {
      q.serviceName(random.nextInt(8) == 0 ? "unknown_service"
          : random.nextInt(10) == 0 ? "absent" : RandomTraces.SERVICES[random.nextInt(RandomTraces.SERVICES.length)]);
    }
    if (random.nextInt(4) == 0) {
      q.operationName(random.nextInt(10) == 0 ? "absent" : RandomTraces.NAMES[random.nextInt(RandomTraces.NAMES.length)]);
    }
    if (random.nextInt(4) == 0) q.spanKind(SpanKind.values()[random.nextInt(SpanKind.values().length)]);
    for (int t = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; t > 0; t--) {
      String[] tag = TAGS[random.nextInt(TAGS.length)];
      q.tag(tag[0], tag[1]);
    }
    if (random.nextInt(3) == 0) {
      long min = random.nextBoolean() ? random.nextLong(1_500_000_000L) : 0;
      long max = random.nextBoolean() ? min + random.nextLong(1_000_000_000L) : 0;
      q.durationNanos(min, max);
    }
    if (random.nextInt(3) == 0) {
      long from = RandomTraces.BASE + random.nextLong(TRACES * 1_000_000_000L);
      long to = random.nextBoolean() ? from + random.nextLong(TRACES / 4 * 1_000_000_000L) : 0;
      q.startWithin(random.nextInt(5) == 0 ? 0 : from, to);
    }
    return q.build();
  }
}
