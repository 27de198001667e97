/**
 * Frames exchanged with supervisor.py: a 4-byte big-endian header length, a JSON header, then the blobs whose
 * byte lengths the header lists. Binary-safe, so program output is never re-encoded on the way.
 */
export interface Frame {
  header: Record<string, unknown>;
  blobs: Buffer[];
}

export function encodeFrame(header: Record<string, unknown>, blobs: Buffer[] = []): Buffer {
  const json = Buffer.from(JSON.stringify({ ...header, blobs: blobs.map((b) => b.length) }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json, ...blobs]);
}

/** Accumulates stream chunks and yields each complete frame once all its bytes have arrived. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      const frame = this.take();
      if (!frame) return frames;
      frames.push(frame);
    }
  }

  private take(): Frame | null {
    if (this.buffer.length < 4) return null;
    const headerLength = this.buffer.readUInt32BE(0);
    if (this.buffer.length < 4 + headerLength) return null;
    const header = JSON.parse(this.buffer.subarray(4, 4 + headerLength).toString("utf8")) as Record<string, unknown>;
    const sizes = Array.isArray(header.blobs) ? (header.blobs as number[]) : [];
    const total = 4 + headerLength + sizes.reduce((sum, size) => sum + size, 0);
    if (this.buffer.length < total) return null;
    const blobs: Buffer[] = [];
    let offset = 4 + headerLength;
    for (const size of sizes) {
      blobs.push(Buffer.from(this.buffer.subarray(offset, offset + size)));
      offset += size;
    }
    this.buffer = Buffer.from(this.buffer.subarray(total));
    return { header, blobs };
  }
}
