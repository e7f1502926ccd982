import { expect, it } from "vitest";

it("turns zod's eval probe off before zod loads", async () => {
  await import("./instrumentation-client");
  const { config } = await import("zod");
  expect(config().jitless).toBe(true);
});
