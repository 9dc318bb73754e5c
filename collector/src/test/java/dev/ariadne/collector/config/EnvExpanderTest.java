package dev.ariadne.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpanderTest {
  private final EnvExpander expander = new EnvExpander(Map.of("HOST", "tempo", "PORT", "4317", "EMPTY", "")::get);
  private final List<String> warnings = new ArrayList<>();

  private String expand(String value) {
    return expander.expand(value, warnings::add);
  }

  @Test
  void expandsEnvAndBareForms() {
    assertEquals("tempo:4317", expand("${env:HOST}:${PORT}"));
  }

  @Test
  void defaultAppliesOnlyWhenUnset() {
    assertEquals("fallback", expand("${env:MISSING:-fallback}"));
    assertEquals("", expand("${env:EMPTY:-fallback}"));
    assertEquals("tempo", expand("${env:HOST:-fallback}"));
    assertTrue(warnings.isEmpty());
  }

  @Test
  void unsetVariableExpandsToEmptyWithAWarning() {
    assertEquals("x::y", expand("x:${env:MISSING}:y"));
    assertEquals(List.of("environment variable MISSING is not set; it expands to \"\""), warnings);
  }

  @Test
  void doubleDollarIsALiteralDollarAndIsNotExpandedFurther() {
    assertEquals("${env:HOST}", expand("$${env:HOST}"));
    assertEquals("cost $5", expand("cost $$5"));
  }

  @Test
  void loneDollarAndShellFormStayAsWritten() {
    assertEquals("$HOST and $", expand("$HOST and $"));
  }

  @Test
  void otherProvidersAndBadNamesAreRefused() {
    IllegalArgumentException file = assertThrows(IllegalArgumentException.class, () -> expand("${file:/etc/x}"));
    assertTrue(file.getMessage().contains("\"file\" config provider is not supported"), file.getMessage());
    assertThrows(IllegalArgumentException.class, () -> expand("${env:1BAD}"));
    assertThrows(IllegalArgumentException.class, () -> expand("${env:HOST"));
  }
}
