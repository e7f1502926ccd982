import { execFileSync } from "node:child_process";
import os from "node:os";
import { REPO_ROOT, serverUrl, withClient } from "./common.ts";

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memory_gib: number;
  node: string;
  postgres: string;
  os: string;
  /** 1, 5 and 15-minute load averages when the run started: how busy the machine already was. */
  loadavg_start: number[];
  loadavg_end?: number[];
  /** Processes using the most CPU when the run started (other engineers' builds, tests). */
  busiest_processes: string[];
  git: string;
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

function busiestProcesses(): string[] {
  try {
    const out = execFileSync("ps", ["-eo", "pcpu,comm,args", "--sort=-pcpu", "--no-headers"], {
      encoding: "utf8",
    });
    return out
      .split("\n")
      .slice(0, 5)
      .map((line) => line.trim().replace(/\s+/g, " ").slice(0, 120))
      .filter(Boolean);
  } catch {
    return [];
  }
}

export async function describeMachine(): Promise<Machine> {
  const postgres = await withClient(serverUrl().toString(), async (client) => {
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return rows[0]?.server_version ?? "unknown";
  });
  const commit = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--porcelain", "--untracked-files=no"])
    ? " (uncommitted changes)"
    : "";
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memory_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: `PostgreSQL ${postgres}`,
    os: `${os.type()} ${os.release()}`,
    loadavg_start: os.loadavg().map((l) => Math.round(l * 100) / 100),
    busiest_processes: busiestProcesses(),
    git: `${commit}${dirty}`,
  };
}
