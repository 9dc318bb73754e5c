package dev.ariadne.codec.zipkin;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.SpanEvent;

/**
 * An OTel event as a Zipkin annotation value, the collector's way: the bare name when the event has
 * no attributes, else "name|{attributes as JSON}|droppedAttributesCount".
 */
final class AnnotationValue {
  private AnnotationValue() {}

  static String of(SpanEvent event) {
    if (event.attributes().isEmpty() && event.droppedAttributesCount() == 0) return event.name();
    return event.name() + '|' + AttributesJson.write(event.attributes()) + '|'
        + Integer.toUnsignedString(event.droppedAttributesCount());
  }

  /**
   * Reads an annotation back into an event. A value that is not in the three-part form as a whole
   * (a JSON object between the name and a count) stays the event's name unchanged; the translator would
   * cut it at the first '|' or fail the whole request.
   */
  static SpanEvent toEvent(long epochNanos, String value) {
    String[] parts = value.split("\\|", -1);
    if (parts.length >= 3) {
      String json = String.join("|", java.util.Arrays.asList(parts).subList(1, parts.length - 1));
      Attributes attributes = AttributesJson.parseObject(json);
      Integer dropped = unsignedInt(parts[parts.length - 1]);
      if (attributes != null && dropped != null) {
        return new SpanEvent(epochNanos, parts[0], attributes, dropped);
      }
    }
    return new SpanEvent(epochNanos, value, Attributes.EMPTY, 0);
  }

  /** A uint32 in decimal, as the int the model keeps it in, or null. */
  static Integer unsignedInt(String text) {
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) return null;
    long value = Long.parseLong(text);
    return value > 0xFFFF_FFFFL ? null : (int) value;
  }
}
