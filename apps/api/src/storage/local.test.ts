import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newStorageKey } from "./keys.ts";
import { createLocalStorage } from "./local.ts";
import { StorageObjectNotFoundError } from "./types.ts";

let root = "";
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "portail-storage-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

describe("local storage driver", () => {
  it("puts, gets, tells existence and deletes under a random two-level key", async () => {
    const storage = createLocalStorage(root);
    const key = newStorageKey();
    expect(key).toMatch(/^([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f-]{32}$/);
    const content = Buffer.from("contenu du fichier – é");
    const { size } = await storage.put(key, Readable.from([content]), {
      contentType: "text/plain",
    });
    expect(size).toBe(content.length);
    expect(await storage.exists(key)).toBe(true);
    const object = await storage.get(key);
    expect(object.size).toBe(content.length);
    expect(await buffer(object.stream)).toEqual(content);
    expect(filesUnder(root)).toEqual([path.join(...key.split("/"))]);

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageObjectNotFoundError);
    await storage.delete(key); // idempotent
  });

  it("leaves nothing, not even a temp file, when the stream fails midway", async () => {
    const storage = createLocalStorage(root);
    const key = newStorageKey();
    async function* failing() {
      yield Buffer.alloc(100_000, 1);
      throw new Error("client went away");
    }
    await expect(
      storage.put(key, Readable.from(failing()), { contentType: "application/pdf" }),
    ).rejects.toThrow("client went away");
    expect(await storage.exists(key)).toBe(false);
    expect(filesUnder(root)).toEqual([]);
  });

  it("refuses keys that could leave its root", async () => {
    const storage = createLocalStorage(root);
    for (const key of ["../outside", "a/../../b", "/etc/passwd", "", ".hidden", "a//b", "a\\b"]) {
      await expect(storage.exists(key), key).rejects.toThrow("Invalid storage key");
      await expect(
        storage.put(key, Readable.from([Buffer.from("x")]), { contentType: "x" }),
      ).rejects.toThrow("Invalid storage key");
    }
    expect(filesUnder(root)).toEqual([]);
  });

  it("sweeps temp files a crash left behind, keeping recent ones", async () => {
    const storage = createLocalStorage(root);
    await mkdir(path.join(root, ".tmp"));
    const old = path.join(root, ".tmp", "old.part");
    const recent = path.join(root, ".tmp", "recent.part");
    writeFileSync(old, "x");
    writeFileSync(recent, "y");
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    expect(await storage.sweepTemp!(86_400_000)).toBe(1);
    expect(filesUnder(root)).toEqual([path.join(".tmp", "recent.part")]);
  });
});
