package dev.ariadne.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogfmtTagsTest {
  @Test
  void readsPairsQuotedValuesAndBareKeys() throws Exception {
    assertEquals(List.of(Map.entry("service.name", "api"), Map.entry("http.status_code", "500")),
        LogfmtTags.parse("service.name=api http.status_code=500"));
    assertEquals(List.of(Map.entry("note", "two words \"quoted\" \\ é"), Map.entry("empty", ""), Map.entry("flag", "")),
        LogfmtTags.parse("  note=\"two words \\\"quoted\\\" \\\\ \\u00e9\"\tempty= flag  "));
    assertEquals(List.of(), LogfmtTags.parse("   "));
    assertEquals(List.of(Map.entry("a", "1"), Map.entry("b", "2")), LogfmtTags.parse("a=1\nb=2"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "=x;                 parameter 'tags': unexpected '=' at position 1",
      "a=b=c;              parameter 'tags': unexpected '=' at position 4",
      "a\"b=1;             parameter 'tags': unexpected '\"' at position 2",
      "a=x\"y;             parameter 'tags': unexpected '\"' at position 4",
      "a=\"open;           parameter 'tags': unterminated quoted value starting at position 3",
      "a=\"\\q\";          parameter 'tags': invalid escape '\\q' at position 4",
      "a=\"\\u12\";        parameter 'tags': invalid \\u escape at position 4",
      "a=1 a=2;            parameter 'tags': tag a has been set twice"})
  void errorsNameThePlace(String text, String message) {
    assertEquals(message, assertThrows(BadParameterException.class, () -> LogfmtTags.parse(text)).getMessage());
  }
}
