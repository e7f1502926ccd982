import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidKey } from "./keys.ts";
import { type Storage, StorageObjectNotFoundError } from "./types.ts";

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/**
 * Files on local disk under `root` (DATA_DIR/files). An upload is written to `root/.tmp` and
 * renamed into place once complete and flushed, so a crash or a failed upload never leaves a
 * partial file under a real key (rename is atomic within one file system).
 */
export function createLocalStorage(root: string): Storage {
  const base = path.resolve(root);
  const tmpDir = path.join(base, ".tmp");

  function pathOf(key: string): string {
    assertValidKey(key);
    const file = path.join(base, ...key.split("/"));
    if (!file.startsWith(base + path.sep)) throw new Error(`Invalid storage key: ${key}`);
    return file;
  }

  return {
    kind: "local",

    async put(key, body) {
      const target = pathOf(key);
      await mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      try {
        await pipeline(body, createWriteStream(tmp, { flags: "wx", mode: 0o600 }));
        // Flush before the rename: after a power cut the key holds the whole file or nothing.
        const handle = await open(tmp, "r");
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        const { size } = await stat(tmp);
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
        return { size };
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },

    async get(key) {
      const file = pathOf(key);
      try {
        const handle = await open(file, "r");
        try {
          const { size } = await handle.stat();
          return { stream: handle.createReadStream({ autoClose: true }) as Readable, size };
        } catch (error) {
          await handle.close();
          throw error;
        }
      } catch (error) {
        if (isNotFound(error)) throw new StorageObjectNotFoundError(key);
        throw error;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async sweepTemp(maxAgeMs) {
      let names: string[];
      try {
        names = await readdir(tmpDir);
      } catch (error) {
        if (isNotFound(error)) return 0;
        throw error;
      }
      let removed = 0;
      for (const name of names) {
        const file = path.join(tmpDir, name);
        const info = await stat(file).catch(() => undefined);
        if (info && Date.now() - info.mtimeMs > maxAgeMs) {
          await rm(file, { force: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}
