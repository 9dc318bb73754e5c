package dev.ariadne.store.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WalConfigTest {
  @Test
  void parsesPoliciesAndNamesTheChoicesWhenWrong() {
    assertEquals(FsyncPolicy.ALWAYS, FsyncPolicy.of("always"));
    assertEquals(FsyncPolicy.INTERVAL, FsyncPolicy.of(" Interval "));
    assertEquals(FsyncPolicy.NEVER, FsyncPolicy.of("NEVER"));
    var e = assertThrows(IllegalArgumentException.class, () -> FsyncPolicy.of("sometimes"));
    assertEquals("unknown WAL fsync policy 'sometimes': expected always, interval or never", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FsyncPolicy.of(null));
  }

  @Test
  void defaultsAndValidation() {
    WalConfig config = WalConfig.of(Path.of("w"));
    assertEquals(new WalConfig(Path.of("w"), FsyncPolicy.ALWAYS, Duration.ofSeconds(1), 64L << 20), config);
    var interval = assertThrows(IllegalArgumentException.class, () -> config.withFsyncInterval(Duration.ZERO));
    assertTrue(interval.getMessage().contains("interval must be positive"), interval.getMessage());
    var size = assertThrows(IllegalArgumentException.class, () -> config.withSegmentBytes(100));
    assertTrue(size.getMessage().contains("at least 1024"), size.getMessage());
    assertThrows(NullPointerException.class, () -> config.withFsync(null));
  }
}
