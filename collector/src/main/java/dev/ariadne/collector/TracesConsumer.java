package dev.ariadne.collector;

import dev.ariadne.model.Span;
import java.util.List;

/**
 * The next stage of a pipeline: a processor, a fan-out, or an exporter. Returning normally means this
 * stage took the spans (it may have passed them on, kept them to pass on later, or dropped them on
 * purpose); an exception means it did not, and the caller still owns them. {@link RefusedException}
 * says the refusal is temporary and the sender should retry.
 *
 * <p>The list is not modified by the callee and not kept by the caller afterwards; spans are
 * immutable, so a fan-out hands the same list to every consumer without copying.
 */
@FunctionalInterface
public interface TracesConsumer {
  void consume(List<Span> spans);
}
