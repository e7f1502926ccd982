import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { FALLBACK_PUBLIC_CONFIG, PUBLIC_CONFIG_REVALIDATE_SECONDS, getPublicConfig } = await import(
  "./public-config"
);

afterEach(() => vi.unstubAllGlobals());

describe("getPublicConfig", () => {
  it("reads GET /api/v1/config, cached for a while", async () => {
    const config = {
      max_upload_bytes: 10 * 1024 * 1024,
      invitation_ttl_days: 14,
      broker_signup: false,
    };
    const fetchMock = vi.fn(async () => Response.json(config));
    vi.stubGlobal("fetch", fetchMock);
    await expect(getPublicConfig()).resolves.toEqual(config);
    expect(fetchMock).toHaveBeenCalledWith(
      "http://127.0.0.1:8000/api/v1/config",
      expect.objectContaining({ next: { revalidate: PUBLIC_CONFIG_REVALIDATE_SECONDS } }),
    );
  });

  it.each([
    ["the API is down", async () => Promise.reject(new TypeError("fetch failed"))],
    ["the API answers 503", async () => Response.json({}, { status: 503 })],
    ["the answer is not the contract", async () => Response.json({ max_upload_bytes: "big" })],
  ])("falls back to the API's defaults when %s", async (_, answer) => {
    vi.stubGlobal("fetch", vi.fn(answer));
    await expect(getPublicConfig()).resolves.toEqual(FALLBACK_PUBLIC_CONFIG);
  });
});
