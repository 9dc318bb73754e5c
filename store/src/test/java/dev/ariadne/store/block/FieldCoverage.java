package dev.ariadne.store.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.store.Trace;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fails when a generator stops setting a field: every component of every record of the span model must
 * take a value other than its default (zero, "", empty) somewhere, and every attribute value type must
 * occur, and some span must carry an attribute key twice (OTLP keeps duplicates, and the block stores span
 * attributes per key), so a round trip over the generated data exercises all of them. Found by reflection, so a field
 * added to the model is covered, or this fails, without editing this class.
 */
final class FieldCoverage {
  private final Set<String> unset = new TreeSet<>();
  private final Set<String> set = new TreeSet<>();
  private final EnumSet<AnyValue.Type> types = EnumSet.noneOf(AnyValue.Type.class);
  private boolean duplicateKey;

  static void assertCovers(List<Trace> traces) {
    FieldCoverage coverage = new FieldCoverage();
    for (Trace trace : traces) for (Span span : trace.spans()) coverage.visitSpan(span);
    coverage.unset.removeAll(coverage.set);
    assertEquals(Set.of(), coverage.unset, "fields the generator never set");
    assertEquals(EnumSet.allOf(AnyValue.Type.class), coverage.types, "attribute value types generated");
    assertTrue(coverage.duplicateKey, "no span has an attribute key twice");
  }

  private void visitSpan(Span span) {
    visitRecord(span);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < span.attributes().size(); i++) if (!keys.add(span.attributes().key(i))) duplicateKey = true;
    visitRecord(span.resource());
    span.resource().entityRefs().forEach(this::visitRecord);
    visitRecord(span.scope());
    span.events().forEach(this::visitRecord);
    span.links().forEach(this::visitRecord);
  }

  private void visitRecord(Record r) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      String name = r.getClass().getSimpleName() + "." + c.getName();
      Object value;
      try {
        value = c.getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      if (value instanceof Attributes a) a.forEach((k, v) -> visitValue(v));
      if (isDefault(value)) unset.add(name);
      else set.add(name);
    }
  }

  private void visitValue(Object v) {
    types.add(AnyValue.typeOf(v));
    if (v instanceof List<?> items) items.forEach(this::visitValue);
    if (v instanceof Attributes a) a.forEach((k, x) -> visitValue(x));
  }

  private static boolean isDefault(Object v) {
    return switch (v) {
      case null -> true;
      case Number n -> n.longValue() == 0 && n.doubleValue() == 0;
      case String s -> s.isEmpty();
      case Attributes a -> a.isEmpty();
      case Collection<?> c -> c.isEmpty();
      case Map<?, ?> m -> m.isEmpty();
      case Enum<?> e -> e.ordinal() == 0;
      case Resource r -> r.equals(Resource.EMPTY);
      case InstrumentationScope s -> s.equals(InstrumentationScope.EMPTY);
      default -> Objects.equals(v, Boolean.FALSE);
    };
  }
}
