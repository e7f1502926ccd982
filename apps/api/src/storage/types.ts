import type { Readable } from "node:stream";

/** Raised by `get` when no object has the key (the caller decides what a user sees). */
export class StorageObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under key ${key}`);
    this.name = "StorageObjectNotFoundError";
  }
}

/**
 * Where uploaded files live. Keys are opaque and random (see `newStorageKey`), never derived
 * from a user's file name. `put` consumes the stream as it arrives, so a file is never held
 * whole in memory; if the stream fails, nothing is left under the key.
 */
export interface Storage {
  readonly kind: "local" | "s3";
  put(
    key: string,
    body: Readable,
    meta: { contentType: string; size?: number },
  ): Promise<{ size: number }>;
  get(key: string): Promise<{ stream: Readable; size: number }>;
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Local disk only: removes temp files of uploads cut by a crash; returns how many. */
  sweepTemp?(maxAgeMs: number): Promise<number>;
  close?(): Promise<void> | void;
}
