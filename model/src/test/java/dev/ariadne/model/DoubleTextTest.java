package dev.ariadne.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Doubles as text, where Jaeger and Zipkin show them as strings: the form the OpenTelemetry Collector
 * gives them (Go's JSON number form), so a Zipkin tag or a Jaeger JSON array reads the same from Ariadne
 * as from the Collector, and searches for the value find it.
 */
class DoubleTextTest {
  @Test
  void doublesArePlainDecimalsWithTheShortestDigits() {
    assertEquals("0.25", AnyValue.asString(0.25));
    assertEquals("2", AnyValue.asString(2.0));
    assertEquals("-2", AnyValue.asString(-2.0));
    assertEquals("0.00015", AnyValue.asString(0.00015));
    assertEquals("0.000001", AnyValue.asString(1e-6));
    assertEquals("12345678.9", AnyValue.asString(12345678.9));
    assertEquals("1000000000000000", AnyValue.asString(1e15));
    assertEquals("100000000000000000000", AnyValue.asString(1e20));
    assertEquals("0.1", AnyValue.asString(0.1));
    assertEquals("0", AnyValue.asString(0.0));
    assertEquals("-0", AnyValue.asString(-0.0));
  }

  @Test
  void onlyTinyAndHugeDoublesTakeAnExponentAsInGo() {
    assertEquals("1.5e-7", AnyValue.asString(1.5e-7));
    assertEquals("-1e-7", AnyValue.asString(-1e-7));
    assertEquals("1e+21", AnyValue.asString(1e21));
    assertEquals("1.7976931348623157e+308", AnyValue.asString(Double.MAX_VALUE));
  }

  @Test
  void arraysWriteTheSameNumbers() {
    assertEquals("[0.00015,2,1e+21,\"NaN\"]", AnyValue.asString(List.of(0.00015, 2.0, 1e21, Double.NaN)));
  }
}
