import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { TextDecoder } from "node:util";
import { AppError } from "../../lib/errors.ts";
import { type DetectedType, SNIFF_BYTES, unsupportedType } from "./detect.ts";

export interface Inspection {
  size: number;
  sha256: string;
  detected: DetectedType;
}

export interface InspectorOptions {
  maxBytes: number;
  /** Decides the type from the first bytes; throws (415) to refuse the file. */
  detect(head: Buffer): Promise<DetectedType>;
  /** True when the multipart parser cut the file at its size limit. */
  truncated(): boolean;
}

export const fileTooLarge = (maxBytes: number) =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `The file is larger than the ${Math.floor(maxBytes / (1024 * 1024))} MB limit`,
  );

export const emptyFile = () =>
  new AppError("VALIDATION_ERROR", "The file is empty", {
    fields: [{ field: "file", code: "empty", message: "The file is empty" }],
  });

/**
 * Sits between the upload and storage: hashes and counts every byte, holds back the first
 * SNIFF_BYTES until their type is accepted, checks text is UTF-8 all the way, and fails the
 * stream (so storage keeps nothing) on a refused type, an empty file or one over the limit.
 * Memory use is bounded by SNIFF_BYTES whatever the file's size.
 */
export class UploadInspector extends Transform {
  private readonly hash = createHash("sha256");
  private size = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private detected: DetectedType | undefined;
  private decoder: TextDecoder | undefined;

  constructor(private readonly options: InspectorOptions) {
    super();
  }

  /** Valid once the stream has ended without error. */
  result(): Inspection {
    if (!this.detected) throw new Error("Upload not inspected yet");
    return { size: this.size, sha256: this.hash.digest("hex"), detected: this.detected };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.options.maxBytes) return callback(fileTooLarge(this.options.maxBytes));
    this.hash.update(chunk);
    if (this.detected) return this.forward(chunk, callback);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return callback();
    this.release().then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback) {
    if (this.options.truncated()) return callback(fileTooLarge(this.options.maxBytes));
    if (this.size === 0) return callback(emptyFile());
    const done = () => {
      try {
        this.decoder?.decode(); // throws on a multi-byte character cut at the very end
        callback();
      } catch {
        callback(unsupportedType("text that is not UTF-8"));
      }
    };
    if (this.detected) return done();
    this.release().then(done, callback);
  }

  private async release() {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.detected = await this.options.detect(head);
    if (this.detected.text) this.decoder = new TextDecoder("utf-8", { fatal: true });
    this.checkText(head);
    this.push(head);
  }

  private forward(chunk: Buffer, callback: TransformCallback) {
    try {
      this.checkText(chunk);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  private checkText(chunk: Buffer) {
    if (!this.decoder) return;
    if (chunk.includes(0)) throw unsupportedType("text containing NUL bytes");
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      throw unsupportedType("text that is not UTF-8");
    }
  }
}
