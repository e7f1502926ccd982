// `npm run report -w @portail/bench -- bench/results/<run>.json`: writes that run's markdown
// again from its JSON (after a change to the report's layout).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compare, type Report, toMarkdown } from "./report.ts";

for (const file of process.argv.slice(2)) {
  const json = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const report = JSON.parse(readFileSync(json, "utf8")) as Report;
  compare(report);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(json.replace(/\.json$/, ".md"), toMarkdown(report));
  console.log(`Rewrote ${json.replace(/\.json$/, ".md")}`);
}
