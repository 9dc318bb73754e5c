package dev.ariadne.tracegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusTest {
  private static final long START = 1_700_000_000_000_000_000L;

  @Test
  void tracesToReachIsTheFewestTracesHoldingThatManySpans() {
    List<Corpus.TraceSummary> traces = new ArrayList<>();
    Corpus.generate(3, START, 500, 10, b -> { }, traces::add);
    long total = traces.stream().mapToLong(Corpus.TraceSummary::spanCount).sum();
    long firstHundred = traces.subList(0, 100).stream().mapToLong(Corpus.TraceSummary::spanCount).sum();

    assertEquals(500, Corpus.tracesToReach(3, START, total));
    assertEquals(100, Corpus.tracesToReach(3, START, firstHundred));
    assertEquals(101, Corpus.tracesToReach(3, START, firstHundred + 1));
    assertEquals(0, Corpus.tracesToReach(3, START, 0));
  }

  @Test
  void batchesHoldWholeTracesGroupedByResource() {
    List<Corpus.Batch> batches = new ArrayList<>();
    List<Corpus.TraceSummary> traces = new ArrayList<>();
    Corpus.generate(3, START, 25, 10, batches::add, traces::add);

    assertEquals(3, batches.size());
    assertEquals(traces.stream().mapToLong(Corpus.TraceSummary::spanCount).sum(),
        batches.stream().mapToLong(b -> b.spans().size()).sum());
    for (Corpus.Batch batch : batches) {
      // Each resource appears in one run, so a Jaeger thrift batch per resource covers the request.
      List<Object> seen = new ArrayList<>();
      for (int i = 0; i < batch.spans().size(); i++) {
        Object resource = batch.spans().get(i).resource();
        if (i == 0 || batch.spans().get(i - 1).resource() != resource) {
          assertTrue(seen.stream().noneMatch(r -> r == resource), "resource in one run");
          seen.add(resource);
        }
      }
    }
  }
}
