// `npm run build -w @portail/api`: bundles the API into dist/ so production runs plain `node`.
// Our TypeScript (and @portail/shared, which is published as TypeScript source) is bundled;
// every npm package stays external and is loaded from node_modules at run time, so files a
// package reads beside itself (Swagger UI's assets, PGlite's WASM) resolve as they do in dev.

import { readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const BUNDLED = new Set(["@portail/shared"]);
// `--outdir DIR` (tests) builds under node_modules/.cache/ instead, where node_modules and
// the migrations folder resolve as they do from dist/. It is emptied first, hence the check.
const outdirFlag = process.argv.indexOf("--outdir");
const outdir = path.resolve(root, outdirFlag > 0 ? process.argv[outdirFlag + 1] : "dist");
const cache = path.join(root, "node_modules", ".cache") + path.sep;
if (outdir !== path.join(root, "dist") && !outdir.startsWith(cache)) {
  console.error(`Refusing to build into ${outdir}: use dist/ or a folder under ${cache}`);
  process.exit(1);
}

/** "@scope/name/sub/path" → "@scope/name"; "name/sub" → "name". */
const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:") || BUNDLED.has(packageName(args.path))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/server.ts", "src/db/migrate-cli.ts", "src/db/seed-cli.ts"],
  outdir,
  outbase: "src",
  bundle: true,
  // Shared code (the app, the schema) lands in chunks instead of being copied per entry.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [externalPackages],
  metafile: true,
  logLevel: "warning",
});

// Only `dependencies` exist in a production install: a bundled import of anything else
// (a devDependency, a package only the web app has) would fail at start, so fail here.
const builtins = new Set(builtinModules);
const missing = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const { path: specifier, external } of output.imports) {
    if (!external || specifier.startsWith("node:") || builtins.has(specifier)) continue;
    const name = packageName(specifier);
    if (!pkg.dependencies?.[name]) missing.add(name);
  }
}
if (missing.size > 0) {
  console.error(
    `The API imports packages missing from apps/api "dependencies": ${[...missing].join(", ")}`,
  );
  process.exit(1);
}

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
const where = path.relative(root, outdir);
console.log(
  `Built apps/api/${where} in ${Date.now() - started} ms (${(bytes / 1024).toFixed(0)} KiB): ` +
    `node ${where}/server.js, node ${where}/db/migrate-cli.js, node ${where}/db/seed-cli.js`,
);
