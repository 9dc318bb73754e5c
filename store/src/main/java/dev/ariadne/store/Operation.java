package dev.ariadne.store;

import dev.ariadne.model.SpanKind;
import java.util.Comparator;

/** A span name as a service uses it, with the kind of span it names. */
public record Operation(String name, SpanKind kind) implements Comparable<Operation> {
  private static final Comparator<Operation> ORDER =
      Comparator.comparing(Operation::name).thenComparing(Operation::kind);

  @Override
  public int compareTo(Operation o) {
    return ORDER.compare(this, o);
  }
}
