package dev.ariadne.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Collector-style endpoint strings. */
class ListenAddressTest {
  @Test
  void endpointsAreHostAndPort() {
    assertEquals(new InetSocketAddress("127.0.0.1", 5778), ListenAddress.parse("127.0.0.1:5778"));
    assertEquals(new InetSocketAddress(5778), ListenAddress.parse(":5778"));
    assertEquals(new InetSocketAddress("::1", 80), ListenAddress.parse("[::1]:80"));
    assertEquals("endpoint \"5778\" must be host:port",
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("5778")).getMessage());
    assertEquals("endpoint \"host:http\": the port must be a number",
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("host:http")).getMessage());
    assertEquals("endpoint \"host:70000\": port out of range",
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("host:70000")).getMessage());
  }
}
