package dev.ariadne.benchmarks;

import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import dev.ariadne.store.block.BlockCompactor;
import dev.ariadne.store.block.BlockIds;
import dev.ariadne.store.block.BlockMeta;
import dev.ariadne.store.block.BlockReader;
import dev.ariadne.store.block.BlockWriter;
import dev.ariadne.store.object.FileSystemObjectStore;
import dev.ariadne.store.object.ObjectStore;
import dev.ariadne.tracegen.TraceGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The block store's figures on a tracegen corpus (bench/storage.sh runs it): writes the corpus as level-0
 * blocks through FileSystemObjectStore, compacts them into one, and times trace-by-id lookups and two
 * searches over every block: a common one (service + tenant.id + min duration 10 ms, last hour, limit 20)
 * and a selective one (service + a rare enduser.id); over the level-0 blocks the common one also as the
 * store runs it, newest block first with an early stop. Prints one JSON line.
 *
 * <p>Arguments: spans, spans per level-0 block, directory, queries (measured, of each kind), warm-up queries
 * (run first, not measured), seed.
 */
public final class BlockBench {
  private static final long HOUR_NANOS = 3_600_000_000_000L;

  private BlockBench() {}

  public static void main(String[] args) throws IOException {
    long spans = Long.parseLong(args[0]);
    int blockSpans = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    int queries = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    long seed = Long.parseLong(args[5]);
    ObjectStore store = new FileSystemObjectStore(dir);
    long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    TraceGenerator generator = new TraceGenerator(seed, start);
    Samples samples = new Samples(new SplittableRandom(seed + 1), queries + warmup);

    List<String> level0 = new ArrayList<>();
    long written = 0;
    long writeNanos = 0;
    long traces = 0;
    while (written < spans) {
      List<Trace> batch = new ArrayList<>();
      long batchSpans = 0;
      while (batchSpans < blockSpans && written + batchSpans < spans) {
        List<Span> trace = generator.nextTrace();
        samples.offer(trace);
        batch.add(new Trace(trace.get(0).traceId(), trace));
        batchSpans += trace.size();
      }
      String id = BlockIds.next();
      long t0 = System.nanoTime();
      BlockWriter.write(store, id, 0, batch);
      writeNanos += System.nanoTime() - t0;
      level0.add(id);
      written += batchSpans;
      traces += batch.size();
    }
    long bytesLevel0 = bytesUnder(dir);

    List<BlockReader> readers = open(store, level0);
    Figures lookupsL0 = traceById(readers, samples, warmup);
    Figures commonL0 = find(readers, samples.common, warmup, samples.maxStart);
    NewestFirst commonL0NewestFirst = findNewestFirst(readers, samples.common, warmup, samples.maxStart);
    long t0 = System.nanoTime();
    String compactedId = BlockIds.next();
    BlockMeta compacted = BlockCompactor.compact(store, readers, compactedId, 1);
    long compactNanos = System.nanoTime() - t0;
    for (String id : level0) dev.ariadne.store.block.Blocks.delete(store, id);
    long bytesCompacted = bytesUnder(dir);

    List<BlockReader> merged = open(store, List.of(compactedId));
    Figures lookups = traceById(merged, samples, warmup);
    Figures common = find(merged, samples.common, warmup, samples.maxStart);
    Figures rare = find(merged, samples.rare, warmup, samples.maxStart);
    long rowGroupsRead = merged.get(0).stats().rowGroupsRead();
    long rowGroupsSkipped = merged.get(0).stats().rowGroupsSkipped();

    System.out.println(String.format(Locale.ROOT,
        "{\"spans\": %d, \"traces\": %d, \"level0Blocks\": %d, \"blockSpans\": %d, \"writeSpansPerSecond\": %.0f, "
            + "\"bytesPerSpanLevel0\": %.2f, \"compactSpansPerSecond\": %.0f, \"bytesPerSpanCompacted\": %.2f, "
            + "\"rowGroups\": %d, \"queries\": %d, \"warmup\": %d, "
            + "\"traceByIdLevel0\": %s, \"commonFindLevel0\": %s, \"commonFindLevel0NewestFirst\": %s, "
            + "\"blocksSearchedNewestFirst\": %.2f, "
            + "\"traceById\": %s, \"commonFind\": %s, \"rareFind\": %s, "
            + "\"rowGroupsRead\": %d, \"rowGroupsSkipped\": %d}",
        written, traces, level0.size(), blockSpans, written / (writeNanos / 1e9), (double) bytesLevel0 / written,
        compacted.spanCount() / (compactNanos / 1e9), (double) bytesCompacted / compacted.spanCount(),
        compacted.rowGroupCount(), queries, warmup, lookupsL0, commonL0, commonL0NewestFirst.figures(),
        commonL0NewestFirst.blocksPerQuery(), lookups, common, rare,
        rowGroupsRead, rowGroupsSkipped));
  }

  private static List<BlockReader> open(ObjectStore store, List<String> ids) throws IOException {
    List<BlockReader> readers = new ArrayList<>();
    for (String id : ids) readers.add(BlockReader.open(store, id));
    return readers;
  }

  /** Looks each sampled trace up in every block, as a store would; checks each is found whole. */
  private static Figures traceById(List<BlockReader> readers, Samples samples, int warmup) throws IOException {
    long[] nanos = new long[samples.traceIds.size()];
    for (int i = 0; i < nanos.length; i++) {
      TraceId id = samples.traceIds.get(i);
      long t0 = System.nanoTime();
      int found = 0;
      for (BlockReader reader : readers) found += reader.trace(id).size();
      nanos[i] = System.nanoTime() - t0;
      if (found != samples.traceSizes.get(i)) {
        throw new IllegalStateException("trace " + id + ": found " + found + " spans of " + samples.traceSizes.get(i));
      }
    }
    return Figures.of(nanos, warmup, -1);
  }

  /** Runs each query over every block, merging newest first to the limit, as a store would. */
  private static Figures find(List<BlockReader> readers, List<TraceQuery.Builder> queries, int warmup, long maxStart)
      throws IOException {
    long[] nanos = new long[queries.size()];
    long found = 0;
    for (int i = 0; i < nanos.length; i++) {
      TraceQuery query = queries.get(i).startWithin(maxStart - HOUR_NANOS, maxStart).limit(20).build();
      long t0 = System.nanoTime();
      List<Trace> all = new ArrayList<>();
      for (BlockReader reader : readers) all.addAll(reader.find(query));
      all.sort(Comparator.comparingLong(BlockBench::earliestStart).reversed());
      List<Trace> top = all.subList(0, Math.min(query.limit(), all.size()));
      nanos[i] = System.nanoTime() - t0;
      if (i >= warmup) found += top.size();
    }
    return Figures.of(nanos, warmup, found);
  }

  /**
   * The queries over the level-0 blocks as the store's caller runs them: newest block first (by latest span
   * start), stopping once it holds {@code limit} traces that all start after the next block's latest span.
   */
  private static NewestFirst findNewestFirst(List<BlockReader> readers, List<TraceQuery.Builder> queries, int warmup,
      long maxStart) throws IOException {
    List<BlockReader> newestFirst = new ArrayList<>(readers);
    newestFirst.sort(Comparator.comparingLong((BlockReader r) -> r.meta().maxStartNanos()).reversed());
    Comparator<Trace> newest = Comparator.comparingLong(BlockBench::earliestStart).reversed();
    long[] nanos = new long[queries.size()];
    long found = 0;
    long blocks = 0;
    for (int i = 0; i < nanos.length; i++) {
      TraceQuery query = queries.get(i).startWithin(maxStart - HOUR_NANOS, maxStart).limit(20).build();
      long t0 = System.nanoTime();
      List<Trace> all = new ArrayList<>();
      int searched = 0;
      for (BlockReader reader : newestFirst) {
        if (all.size() >= query.limit()) {
          all.sort(newest);
          if (earliestStart(all.get(query.limit() - 1)) > reader.meta().maxStartNanos()) break;
        }
        all.addAll(reader.find(query));
        searched++;
      }
      all.sort(newest);
      List<Trace> top = all.subList(0, Math.min(query.limit(), all.size()));
      nanos[i] = System.nanoTime() - t0;
      if (i >= warmup) {
        found += top.size();
        blocks += searched;
      }
    }
    return new NewestFirst(Figures.of(nanos, warmup, found), (double) blocks / Math.max(1, nanos.length - warmup));
  }

  private record NewestFirst(Figures figures, double blocksPerQuery) {}

  private static long earliestStart(Trace trace) {
    return trace.spans().stream().mapToLong(Span::startEpochNanos).min().orElse(0);
  }

  private static long bytesUnder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reservoir samples of the corpus: trace ids to look up, and query parameters taken from real spans. */
  private static final class Samples {
    final SplittableRandom random;
    final int size;
    final List<TraceId> traceIds = new ArrayList<>();
    final List<Integer> traceSizes = new ArrayList<>();
    final List<TraceQuery.Builder> common = new ArrayList<>();
    final List<TraceQuery.Builder> rare = new ArrayList<>();
    long seen;
    long maxStart;

    Samples(SplittableRandom random, int size) {
      this.random = random;
      this.size = size;
    }

    void offer(List<Span> trace) {
      seen++;
      for (Span s : trace) maxStart = Math.max(maxStart, s.startEpochNanos());
      int slot = seen <= size ? -1 : (int) random.nextLong(seen);
      if (seen > size && slot >= size) return;
      Span any = trace.get(random.nextInt(trace.size()));
      String tenant = any.attributes().getString("tenant.id");
      Span server = trace.stream().filter(s -> s.kind() == SpanKind.SERVER && s.attributes().getString("enduser.id") != null)
          .findFirst().orElse(trace.get(0));
      String user = server.attributes().getString("enduser.id");
      TraceQuery.Builder c = TraceQuery.builder().serviceName(any.serviceName()).durationNanos(10_000_000L, 0);
      if (tenant != null) c.tag("tenant.id", tenant);
      TraceQuery.Builder r = TraceQuery.builder().serviceName(server.serviceName());
      if (user != null) r.tag("enduser.id", user);
      if (slot < 0) {
        traceIds.add(trace.get(0).traceId());
        traceSizes.add(trace.size());
        common.add(c);
        rare.add(r);
      } else {
        traceIds.set(slot, trace.get(0).traceId());
        traceSizes.set(slot, trace.size());
        common.set(slot, c);
        rare.set(slot, r);
      }
    }
  }

  /** Latency percentiles in ms over the measured (post-warm-up) runs, and traces found (-1: not counted). */
  private record Figures(double p50, double p99, double max, long found) {
    static Figures of(long[] nanos, int warmup, long found) {
      long[] measured = Arrays.copyOfRange(nanos, Math.min(warmup, nanos.length), nanos.length);
      Arrays.sort(measured);
      if (measured.length == 0) return new Figures(0, 0, 0, found);
      return new Figures(measured[(measured.length - 1) / 2] / 1e6, measured[(int) ((measured.length - 1) * 0.99)] / 1e6,
          measured[measured.length - 1] / 1e6, found);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "{\"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f, \"found\": %d}", p50, p99, max, found);
    }
  }
}
