import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BENCH_DIR, type Size } from "./common.ts";
import type { LoadResult } from "./load.ts";
import type { Machine } from "./machine.ts";
import type { PagesResult } from "./pages.ts";
import type { UploadResult } from "./uploads.ts";

export interface SizeReport {
  rows: Record<string, number>;
  signed_in: { clients: number; brokers: number };
  endpoints: LoadResult[];
  uploads?: UploadResult | { error: string };
}

export interface Report {
  machine: Machine;
  command: string;
  settings: { connections: number; duration_s: number; warmup_s: number; api_log_level: string };
  sizes: Partial<Record<Size, SizeReport>>;
  comparison: {
    name: string;
    small_rps: number;
    large_rps: number;
    large_vs_small: number;
    /** API + PostgreSQL CPU per request, small over large: the same ratio, far less noisy. */
    large_vs_small_by_cpu: number | null;
  }[];
  pages?: PagesResult;
}

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined ? "–" : n.toFixed(digits);
const mark = (ok: boolean) => (ok ? "yes" : "**no**");

export function compare(report: Report) {
  const small = report.sizes.small?.endpoints ?? [];
  const large = report.sizes.large?.endpoints ?? [];
  report.comparison = small.flatMap((s) => {
    const l = large.find((x) => x.name === s.name);
    if (!l || s.rps === 0) return [];
    const cpu = (e: LoadResult) =>
      e.api_cpu_ms_per_request === null || e.db_cpu_ms_per_request === null
        ? null
        : e.api_cpu_ms_per_request + e.db_cpu_ms_per_request;
    const [smallCpu, largeCpu] = [cpu(s), cpu(l)];
    return [
      {
        name: s.name,
        small_rps: s.rps,
        large_rps: l.rps,
        large_vs_small: Math.round((l.rps / s.rps) * 100) / 100,
        large_vs_small_by_cpu:
          smallCpu && largeCpu ? Math.round((smallCpu / largeCpu) * 100) / 100 : null,
      },
    ];
  });
}

function endpointTable(endpoints: LoadResult[]): string[] {
  const lines = [
    "| endpoint | req/s | p50 ms | p99 ms | max ms | errors | non-2xx | SQL/req | CPU ms/req: API / PostgreSQL / load generator | vs baseline |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const e of endpoints) {
    const sql =
      e.sql_min !== null && e.sql_min !== e.sql_max
        ? `${fmt(e.sql_per_request, 2)} (${e.sql_min}–${e.sql_max})`
        : fmt(e.sql_per_request);
    lines.push(
      `| ${e.name} | ${e.rps} | ${fmt(e.p50_ms)} | ${fmt(e.p99_ms)} | ${fmt(e.max_ms)} | ${e.errors} | ${e.non_2xx} | ${sql} | ${fmt(e.api_cpu_ms_per_request, 2)} / ${fmt(e.db_cpu_ms_per_request, 2)} / ${fmt(e.loadgen_cpu_ms_per_request, 2)} | ${fmt(e.vs_baseline, 2)} |`,
    );
  }
  return lines;
}

function targets(report: Report): string[] {
  const lines = ["| target | figure | met |", "|---|---|---|"];
  for (const [size, data] of Object.entries(report.sizes)) {
    const dashboard = data.endpoints.find((e) => e.name === "dashboard");
    if (dashboard?.vs_baseline !== undefined) {
      lines.push(
        `| ${size}: dashboard ≥ 0.5 × baseline req/s | ${fmt(dashboard.vs_baseline, 2)} | ${mark(dashboard.vs_baseline >= 0.5)} |`,
      );
    }
    // For context: the same ratio against an authenticated request that reads one row.
    const me = data.endpoints.find((e) => e.name === "me");
    if (dashboard && me?.rps) {
      const ratio = Math.round((100 * dashboard.rps) / me.rps) / 100;
      lines.push(
        `| ${size}: (context) dashboard ÷ \`me\` (authenticated, one read) req/s | ${fmt(ratio, 2)} | ${mark(ratio >= 0.5)} |`,
      );
    }
    const slow = data.endpoints.filter((e) => e.p99_ms >= 50).map((e) => `${e.name} ${e.p99_ms}`);
    lines.push(
      `| ${size}: p99 < 50 ms at ${report.settings.connections} connections | ${slow.length ? `over: ${slow.join(", ")} ms` : "all under"} | ${mark(slow.length === 0)} |`,
    );
    if (data.uploads && "rss_growth_mib" in data.uploads) {
      lines.push(
        `| ${size}: upload memory growth < 30 MB | ${data.uploads.rss_growth_mib} MiB peak RSS growth | ${mark(data.uploads.rss_growth_mib < 30)} |`,
      );
    }
  }
  if (report.comparison.length) {
    const low = report.comparison.filter((c) => c.large_vs_small < 0.8);
    const lowCpu = report.comparison.filter((c) => (c.large_vs_small_by_cpu ?? 1) < 0.8);
    lines.push(
      `| large/small ≥ 0.8 per endpoint (req/s) | ${low.length ? `under: ${low.map((c) => `${c.name} ${c.large_vs_small}`).join(", ")}` : "all at or above"} | ${mark(low.length === 0)} |`,
      `| large/small ≥ 0.8 per endpoint (CPU per request) | ${lowCpu.length ? `under: ${lowCpu.map((c) => `${c.name} ${c.large_vs_small_by_cpu}`).join(", ")}` : "all at or above"} | ${mark(lowCpu.length === 0)} |`,
    );
  }
  const pages = report.pages?.pages.filter((p) => !p.error) ?? [];
  if (pages.length) {
    const perf = pages.filter((p) => (p.performance ?? 0) < 95);
    const a11y = pages.filter((p) => (p.accessibility ?? 0) < 100);
    lines.push(
      `| Lighthouse performance ≥ 95 | ${perf.length ? `under: ${perf.map((p) => `${p.page} ${p.performance}`).join(", ")}` : "all pages"} | ${mark(perf.length === 0)} |`,
      `| Lighthouse accessibility 100 | ${a11y.length ? `under: ${a11y.map((p) => `${p.page} ${p.accessibility}`).join(", ")}` : "all pages"} | ${mark(a11y.length === 0)} |`,
    );
  }
  return lines;
}

export function toMarkdown(report: Report): string {
  const m = report.machine;
  const out: string[] = [
    `# Benchmarks, ${m.date.slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Reproduce: \`${report.command}\` (bench/README.md). Commit ${m.git}.`,
    "",
    "## Machine",
    "",
    `- ${m.cores} cores (${m.cpu}), ${m.memory_gib} GiB, ${m.os}`,
    `- Node ${m.node}, ${m.postgres} (same machine, default settings)`,
    `- Load average at start ${m.loadavg_start.join(" / ")}, at end ${m.loadavg_end?.join(" / ") ?? "–"} (1/5/15 min): ` +
      "other engineers' builds and tests share these cores, so figures are noisy.",
    `- Busiest processes at start: ${m.busiest_processes.map((p) => `\`${p}\``).join("; ") || "–"}`,
    `- Load: autocannon in the bench process, ${report.settings.connections} connections, ` +
      `${report.settings.warmup_s} s warm-up then ${report.settings.duration_s} s per endpoint; ` +
      `API \`node apps/api/dist/server.js\` (NODE_ENV=production, LOG_LEVEL=${report.settings.api_log_level}, pool of 10), ` +
      "load generator, API and PostgreSQL on the same cores.",
    "",
  ];
  for (const [size, data] of Object.entries(report.sizes)) {
    const rows = Object.entries(data.rows)
      .map(([table, n]) => `${table} ${n.toLocaleString("en-CA")}`)
      .join(", ");
    out.push(
      `## API, ${size} data`,
      "",
      `${rows}. Requests spread over ${data.signed_in.clients} clients and ${data.signed_in.brokers} brokers, signed in beforehand.`,
      "",
      ...endpointTable(data.endpoints),
      "",
    );
    if (data.uploads && "runs" in data.uploads) {
      const u = data.uploads;
      out.push(
        `Uploads (${u.file_mb} MB PDF, broker, then download of the same file):`,
        "",
        "| run | upload ms | upload MB/s | download ms | download MB/s | sha256 |",
        "|---:|---:|---:|---:|---:|---|",
        ...u.runs.map(
          (r, i) =>
            `| ${i + 1} | ${r.upload_ms} | ${r.upload_mb_s} | ${r.download_ms} | ${r.download_mb_s} | ${r.sha256_ok ? "ok" : "**mismatch**"} |`,
        ),
        "",
        `API RSS ${u.rss_before_mib} MiB before, ${u.rss_peak_mib} MiB peak, ${u.rss_after_mib} MiB after ` +
          `(growth ${u.rss_growth_mib} MiB); heap used ${u.heap_used_before_mib} → ${u.heap_used_after_mib} MiB, ` +
          `external ${u.external_after_mib} MiB after.`,
        "",
      );
    } else if (data.uploads) {
      out.push(`Uploads failed: ${data.uploads.error}`, "");
    }
  }
  if (report.comparison.length) {
    out.push(
      "## Large vs small",
      "",
      "| endpoint | small req/s | large req/s | large/small | large/small by CPU per request |",
      "|---|---:|---:|---:|---:|",
      ...report.comparison.map(
        (c) =>
          `| ${c.name} | ${c.small_rps} | ${c.large_rps} | ${fmt(c.large_vs_small, 2)} | ${fmt(c.large_vs_small_by_cpu, 2)} |`,
      ),
      "",
      "The last column divides the API's and PostgreSQL's CPU time per request at the small size " +
        "by the same at the large size: what the data size costs, mostly free of the machine's " +
        "load drift that moves requests/s.",
      "",
    );
  }
  if (report.pages) {
    const p = report.pages;
    out.push(
      `## Pages (Lighthouse 12, ${p.form_factor === "desktop" ? "desktop preset" : "default mobile profile: slow 4G, 4× CPU slowdown"}, simulated throttling)`,
      "",
    );
    if (p.status !== "measured") out.push(`Pages ${p.status}: ${p.reason}`, "");
    else {
      out.push(
        `Production build of apps/web${p.build_s ? ` (built in ${p.build_s} s)` : ""}, \`next start\`, ` +
          `Chromium ${p.chromium} headless, signed in through the session cookies; API on the ${Object.keys(report.sizes).at(-1)} data.`,
        "",
        "| page | performance | accessibility | best practices | JS KiB | total KiB | FCP ms | LCP ms | TBT ms | CLS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ...p.pages.map((r) =>
          r.error && r.performance === undefined
            ? `| ${r.page} | error: ${r.error} | | | | | | | | |`
            : `| ${r.page}${r.error ? ` (${r.error})` : ""} | ${fmt(r.performance)}${r.performance_runs ? ` (${r.performance_runs.join(", ")})` : ""} | ${fmt(r.accessibility)} | ${fmt(r.best_practices)} | ${fmt(r.js_transfer_kib, 1)} | ${fmt(r.total_transfer_kib, 1)} | ${fmt(r.fcp_ms)} | ${fmt(r.lcp_ms)} | ${fmt(r.tbt_ms)} | ${fmt(r.cls, 3)} |`,
        ),
        "",
      );
      const failed = p.pages.filter((r) => r.failed_audits?.length);
      if (failed.length) {
        out.push(
          "Failed accessibility and best-practice audits:",
          "",
          ...failed.map((r) => `- ${r.page}: ${r.failed_audits!.join(", ")}`),
          "",
        );
      }
    }
  }
  out.push("## Targets (figures, not assertions)", "", ...targets(report), "");
  return out.join("\n");
}

/** bench/results/<date>_<time>.json and .md; returns the markdown file's path. */
export function save(report: Report): string {
  const dir = path.join(BENCH_DIR, "results");
  mkdirSync(dir, { recursive: true });
  const stamp = report.machine.date.slice(0, 16).replace("T", "_").replace(":", "");
  const base = path.join(dir, stamp);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, toMarkdown(report));
  return `${base}.md`;
}
