package dev.ariadne.store.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import dev.ariadne.store.object.FileSystemObjectStore;
import dev.ariadne.store.object.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockRoundTripTest {
  @TempDir Path dir;

  @Test
  void everyFieldOfEverySpanSurvivesWriteAndRead() throws Exception {
    List<Trace> traces = new RandomTraces(7, true).traces(600);
    FieldCoverage.assertCovers(traces);
    ObjectStore store = new FileSystemObjectStore(dir);
    BlockMeta meta = new BlockWriterHelper(store).write("b1", traces, 150);
    assertTrue(meta.rowGroupCount() > 5, "several row groups: " + meta.rowGroupCount());

    try (BlockReader reader = BlockReader.open(store, "b1")) {
      for (Trace trace : traces) assertEquals(trace.spans(), reader.trace(trace.traceId()), trace.traceId().toString());
      List<Trace> all = new ArrayList<>();
      reader.forEachTrace(all::add);
      List<Trace> sorted = new ArrayList<>(traces);
      sorted.sort(Comparator.comparing(Trace::traceId));
      assertEquals(sorted, all);
      assertEquals(traces.stream().mapToLong(t -> t.spans().size()).sum(), reader.meta().spanCount());
      assertEquals(traces.size(), reader.meta().traceCount());
    }
  }

  @Test
  void theCoverageCheckFailsWhenTheGeneratorLeavesAFieldUnset() {
    List<Trace> traces = new RandomTraces(7, true).traces(600).stream()
        .map(t -> new Trace(t.traceId(), t.spans().stream()
            .map(s -> new dev.ariadne.model.Span(s.resource(), s.scope(), s.traceIdHigh(), s.traceIdLow(), s.spanId(),
                s.parentSpanId(), "", s.flags(), s.name(), s.kind(), s.startEpochNanos(), s.endEpochNanos(),
                s.attributes(), s.droppedAttributesCount(), s.events(), s.droppedEventsCount(), s.links(),
                s.droppedLinksCount(), s.statusCode(), s.statusMessage()))
            .toList()))
        .toList();
    AssertionError e = assertThrows(AssertionError.class, () -> FieldCoverage.assertCovers(traces));
    assertTrue(e.getMessage().contains("Span.traceState"), e.getMessage());
  }

  @Test
  void staticWriteSortsJoinsAndReadsBackTheSameSpanObjectsEqual() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir);
    List<Trace> traces = new RandomTraces(3, false).traces(50);
    // The same trace given in two pieces is one trace in the block, spans in the given order.
    Trace first = traces.get(0);
    List<Trace> input = new ArrayList<>(traces.subList(1, traces.size()));
    input.add(new Trace(first.traceId(), first.spans().subList(0, 1)));
    input.add(new Trace(first.traceId(), first.spans().subList(1, first.spans().size())));
    input.add(new Trace(new TraceId(9, 9), List.of()));
    BlockMeta meta = BlockWriter.write(store, "b2", 0, input);
    assertEquals(50, meta.traceCount());
    try (BlockReader reader = BlockReader.open(store, "b2")) {
      assertEquals(first.spans(), reader.trace(first.traceId()));
      assertEquals(List.of(), reader.trace(new TraceId(9, 9)));
    }
  }

  @Test
  void absentTracesAreEmptyWhetherOrNotTheBloomFilterLetsThemThrough() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir);
    List<Trace> traces = new RandomTraces(11, false).traces(300);
    BlockWriter.write(store, "b3", 0, traces);
    try (BlockReader reader = BlockReader.open(store, "b3")) {
      long before = reader.stats().bytesRead();
      int bloomPasses = 0;
      for (long i = 1; i <= 20_000; i++) {
        TraceId absent = new TraceId(i, i * 31);
        assertEquals(List.of(), reader.trace(absent));
      }
      // The bloom filter answers most absent lookups without reading a row group: under 5% get past it
      // (the index then finds nothing, and still nothing is read).
      long after = reader.stats().bytesRead();
      assertEquals(before, after, "absent traces read no row group");
      for (long i = 1; i <= 20_000; i++) {
        if (reader.bloomMightContain(new TraceId(i, i * 31))) bloomPasses++;
      }
      assertTrue(bloomPasses > 0 && bloomPasses < 1_000, "bloom false positives: " + bloomPasses);
    }
  }

  /** Writes with a small row group so tests cross row group boundaries. */
  record BlockWriterHelper(ObjectStore store) {
    BlockMeta write(String id, List<Trace> traces, int rowGroupSpans) throws java.io.IOException {
      List<Trace> sorted = new ArrayList<>(traces);
      sorted.sort(Comparator.comparing(Trace::traceId));
      BlockWriter writer = new BlockWriter(store, id, 0, rowGroupSpans);
      for (Trace t : sorted) writer.add(t);
      return writer.finish();
    }
  }
}
