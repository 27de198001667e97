import { describe, expect, it } from "vitest";
import { encodeFrame, FrameReader } from "./protocol";

describe("frames", () => {
  it("round-trips headers and binary blobs, however the stream is chunked", () => {
    const blobs = [Buffer.from([0, 255, 10, 13]), Buffer.alloc(0), Buffer.from("héllo")];
    const bytes = Buffer.concat([encodeFrame({ a: 1 }, blobs), encodeFrame({ b: "two" })]);
    const reader = new FrameReader();
    const frames = [];
    for (let i = 0; i < bytes.length; i += 3) frames.push(...reader.push(bytes.subarray(i, i + 3)));
    expect(frames).toHaveLength(2);
    expect(frames[0].header.a).toBe(1);
    expect(frames[0].blobs).toEqual(blobs);
    expect(frames[1]).toEqual({ header: { b: "two", blobs: [] }, blobs: [] });
  });
});
