package dev.ariadne.codec.zipkin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Event and link attributes as the JSON object the collector's Zipkin exporter embeds in annotation
 * values and otlp.link tags. Numbers with an integral value read as integers and the rest as doubles,
 * as the translator reads them; nested arrays and objects are kept (the translator drops them).
 */
final class AttributesJson {
  /** Annotation values come from clients: bound the nesting so hostile input cannot go deep. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
      .build();

  private AttributesJson() {}

  /** The attributes of a JSON object, or null when {@code text} is not exactly one JSON object. */
  static Attributes parseObject(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      Attributes attributes = readObject(p);
      return p.nextToken() == null ? attributes : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String write(Attributes attributes) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeObject(g, attributes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Attributes readObject(JsonParser p) throws IOException {
    Attributes.Builder b = Attributes.builder(4);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      b.put(key, readValue(p));
    }
    return b.build();
  }

  private static Object readValue(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> AnyValue.EMPTY;
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? p.getDoubleValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> number(p.getDoubleValue());
      case START_ARRAY -> {
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) items.add(readValue(p));
        yield items;
      }
      case START_OBJECT -> readObject(p);
      default -> throw new IOException("unexpected token " + p.currentToken());
    };
  }

  /** The translator reads every JSON number as a float and keeps the integral ones as integers. */
  private static Object number(double d) {
    boolean integral = d == Math.rint(d) && Math.abs(d) < 0x1p63;
    return integral ? (Object) (long) d : d;
  }

  private static void writeObject(JsonGenerator g, Attributes attributes) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < attributes.size(); i++) {
      g.writeFieldName(attributes.key(i));
      writeValue(g, attributes.value(i));
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    switch (AnyValue.typeOf(value)) {
      case STRING -> g.writeString((String) value);
      case BOOL -> g.writeBoolean((Boolean) value);
      case INT -> g.writeNumber((Long) value);
      case DOUBLE -> {
        double d = (Double) value;
        // JSON has no NaN or infinities; they travel as the strings OTLP JSON uses.
        if (Double.isFinite(d)) g.writeNumber(d);
        else g.writeString(AnyValue.asString(value));
      }
      case BYTES -> g.writeString(((Bytes) value).base64());
      case EMPTY -> g.writeNull();
      case ARRAY -> {
        g.writeStartArray();
        for (Object item : (List<?>) value) writeValue(g, item);
        g.writeEndArray();
      }
      case KVLIST -> writeObject(g, (Attributes) value);
    }
  }
}
