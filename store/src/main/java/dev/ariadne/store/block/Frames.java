package dev.ariadne.store.block;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.zip.CRC32C;

/**
 * Every stored unit (meta, index, bloom filter, column chunk) is one frame: a 4-byte magic, a method
 * byte (0 stored, 1 zstd), the decoded length, a CRC32C of the payload, then the payload. The reader
 * checks the magic, the checksum and the decoded length before decompressing, and allocates only a decoded
 * length that zstd could really produce from the payload: the writer stores a payload raw when it would
 * compress more than {@value #MAX_RATIO}:1, so a larger claimed ratio is corruption.
 */
final class Frames {
  static final int HEADER_BYTES = 4 + 1 + 4 + 4;
  static final int MAX_RATIO = 1024;
  /** No single frame decodes to more than this; row groups and indexes stay far below. */
  static final int MAX_DECODED = 512 << 20;
  private static final byte STORED = 0;
  private static final byte ZSTD = 1;
  private static final int LEVEL = 3;
  /** Creating a zstd context costs about a third of decompressing a chunk: each thread keeps one. */
  private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSOR = ThreadLocal.withInitial(ZstdDecompressCtx::new);
  /** Likewise for compressing: a row group seals a frame per attribute key, most of them small. */
  private static final ThreadLocal<ZstdCompressCtx> COMPRESSOR = ThreadLocal.withInitial(() -> {
    ZstdCompressCtx ctx = new ZstdCompressCtx();
    ctx.setLevel(LEVEL);
    return ctx;
  });

  private Frames() {}

  static byte[] seal(int magic, byte[] raw) {
    byte[] compressed = COMPRESSOR.get().compress(raw);
    boolean useZstd = compressed.length < raw.length && (long) compressed.length * MAX_RATIO >= raw.length;
    byte[] payload = useZstd ? compressed : raw;
    ByteSink out = new ByteSink(HEADER_BYTES + payload.length);
    out.writeFixed32(magic);
    out.writeByte(useZstd ? ZSTD : STORED);
    out.writeFixed32(raw.length);
    out.writeFixed32(crc(payload, 0, payload.length));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** The decoded bytes of the frame in {@code bytes[offset, offset + length)}. */
  static byte[] open(int magic, byte[] bytes, int offset, int length, String where) throws CorruptBlockException {
    ByteSource in = new ByteSource(bytes, offset, length, where);
    if (length < HEADER_BYTES) throw in.corrupt("truncated: " + length + " bytes, a frame header needs " + HEADER_BYTES);
    int found = in.readFixed32();
    if (found != magic) {
      throw in.corrupt(String.format("wrong magic 0x%08x, expected 0x%08x", found, magic));
    }
    int method = in.readByte();
    int decoded = in.readFixed32();
    int expectedCrc = in.readFixed32();
    int payloadOffset = offset + HEADER_BYTES;
    int payloadLength = length - HEADER_BYTES;
    if (crc(bytes, payloadOffset, payloadLength) != expectedCrc) throw in.corrupt("checksum mismatch");
    if (method == STORED) {
      if (decoded != payloadLength) throw in.corrupt("stored length " + decoded + " but " + payloadLength + " bytes");
      byte[] out = new byte[payloadLength];
      System.arraycopy(bytes, payloadOffset, out, 0, payloadLength);
      return out;
    }
    if (method != ZSTD) throw in.corrupt("unknown compression method " + method);
    if (decoded < 0 || decoded > MAX_DECODED || (long) payloadLength * MAX_RATIO < decoded) {
      throw in.corrupt("implausible decoded length " + Integer.toUnsignedString(decoded) + " for "
          + payloadLength + " compressed bytes");
    }
    byte[] out = new byte[decoded];
    try {
      int n = DECOMPRESSOR.get().decompressByteArray(out, 0, decoded, bytes, payloadOffset, payloadLength);
      if (n != decoded) throw in.corrupt("decompressed " + n + " bytes, expected " + decoded);
    } catch (ZstdException e) {
      throw in.corrupt("zstd: " + e.getMessage());
    }
    return out;
  }

  static byte[] open(int magic, byte[] bytes, String where) throws CorruptBlockException {
    return open(magic, bytes, 0, bytes.length, where);
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
