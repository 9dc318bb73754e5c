package dev.ariadne.server.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Collector-style endpoint strings. */
class HttpListenerTest {
  @Test
  void endpointsAreHostAndPort() {
    assertEquals(new InetSocketAddress("127.0.0.1", 5778), HttpListener.address("127.0.0.1:5778"));
    assertEquals(new InetSocketAddress(5778), HttpListener.address(":5778"));
    assertEquals(new InetSocketAddress("::1", 80), HttpListener.address("[::1]:80"));
    assertEquals("endpoint 5778: expected host:port",
        assertThrows(IllegalArgumentException.class, () -> HttpListener.address("5778")).getMessage());
    assertEquals("endpoint host:http: port is not a number",
        assertThrows(IllegalArgumentException.class, () -> HttpListener.address("host:http")).getMessage());
    assertEquals("endpoint host:70000: port out of range",
        assertThrows(IllegalArgumentException.class, () -> HttpListener.address("host:70000")).getMessage());
  }
}
