package dev.ariadne.server.receiver;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Decompresses request bodies with a cap on the output, so a small compressed body cannot expand into
 * gigabytes (a zip bomb) before any size check sees it.
 */
public final class BoundedInflater {
  private BoundedInflater() {}

  /** Thrown when the decompressed body would exceed the limit. */
  public static final class TooLargeException extends IOException {
    TooLargeException(long limit) {
      super("decompressed body exceeds the limit of " + limit + " bytes");
    }
  }

  /**
   * Decodes {@code body} per its Content-Encoding: gzip, deflate, or identity (none).
   *
   * @throws IOException if the encoding is unknown or the data is corrupt
   */
  public static byte[] decode(String contentEncoding, byte[] body, long limit) throws IOException {
    if (contentEncoding == null || contentEncoding.isEmpty() || contentEncoding.equalsIgnoreCase("identity")) {
      return body;
    }
    InputStream in = switch (contentEncoding.toLowerCase(java.util.Locale.ROOT)) {
      case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
      case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
      default -> throw new IOException("unsupported Content-Encoding: " + contentEncoding);
    };
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, Math.max(body.length * 4L, 256)));
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > limit) throw new TooLargeException(limit);
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
