import { randomUUID } from "node:crypto";

/** A fresh random key in a two-level folder ("3f/a2/3fa2…"), so no directory grows huge. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

// Segments start with a letter or digit: no "", ".", ".." and no hidden files.
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,7}$/;

/** Keys are ours, but a driver still refuses anything that could escape its root. */
export function assertValidKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
