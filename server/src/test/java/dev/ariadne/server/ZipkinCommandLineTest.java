package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Zipkin settings of the command line: their flags, variables and defaults. */
class ZipkinCommandLineTest {

  @Test
  void helpListsTheZipkinOptions() {
    StringWriter out = new StringWriter();
    new CommandLine(new Ariadne()).setOut(new PrintWriter(out)).execute("all-in-one", "--help");
    for (String option : List.of("--zipkin-port", "ARIADNE_ZIPKIN_PORT", "--zipkin-autocomplete-keys",
        "ARIADNE_ZIPKIN_AUTOCOMPLETE_KEYS")) {
      assertTrue(out.toString().contains(option), option + " in\n" + out);
    }
  }

  @Test
  void defaultsAndFlags() {
    AllInOneCommand defaults = new AllInOneCommand();
    new CommandLine(defaults).parseArgs();
    assertEquals(9411, defaults.zipkinPort);
    assertEquals(List.of("http.method", "http.request.method", "http.route", "http.status_code",
        "http.response.status_code"), defaults.zipkinAutocompleteKeys);

    AllInOneCommand set = new AllInOneCommand();
    new CommandLine(set).parseArgs("--zipkin-port", "0", "--zipkin-autocomplete-keys", "env,region");
    assertEquals(0, set.zipkinPort);
    assertEquals(List.of("env", "region"), set.zipkinAutocompleteKeys);
  }
}
