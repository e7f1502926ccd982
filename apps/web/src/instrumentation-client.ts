// Runs in the browser before hydration. zod probes `new Function` when it builds its first
// object schema (to compile faster parsers); the CSP forbids eval, so the caught probe still
// shows as a CSP violation (Lighthouse `inspector-issues`) on pages whose forms validate with
// the shared schemas. Those forms parse a few fields: zod's interpreted parser is enough.
// zod keeps its configuration in this global (shared by every copy of zod), so it is set
// without importing zod: `import { config } from "zod"` would add 5 KB gzipped to every page.
// instrumentation-client.test.ts checks that zod still reads it.
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig ??= {};
scope.__zod_globalConfig.jitless = true;

export {};
