import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { refreshSession, sessionEnded } from "./refresh";

const user = {
  id: 1,
  email: "marie.dubois@example.com",
  first_name: "Marie",
  last_name: "Dubois",
  telephone: null,
  role: "courtier",
  locale: "fr",
  client_invitation_id: null,
  is_active: true,
  last_login_at: null,
  created_at: "2026-01-01T00:00:00.000Z",
};

let issued = 0;
const fetchMock = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
  issued += 1;
  // Answer a little later, as a real API would, so concurrent callers overlap.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return Response.json({
    access_token: `access-${issued}`,
    refresh_token: `refresh-${issued}`,
    token_type: "bearer",
    expires_in: 900,
    user,
  });
});

beforeEach(() => {
  issued = 0;
  fetchMock.mockClear();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("refreshSession", () => {
  it("sends one refresh for concurrent callers holding the same token", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => refreshSession("rt-concurrent")),
    );
    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toMatch(/\/api\/v1\/auth\/refresh$/);
    expect(JSON.parse(String(init?.body))).toEqual({ refresh_token: "rt-concurrent" });
    for (const result of results) {
      expect(result).toEqual({
        ok: true,
        tokens: expect.objectContaining({ refresh_token: "refresh-1" }),
      });
    }
  });

  it("hands the same new tokens to a request that arrives late with the old cookie", async () => {
    const first = await refreshSession("rt-late");
    const late = await refreshSession("rt-late");
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(late).toEqual(first);
  });

  it("refreshes different tokens separately", async () => {
    await Promise.all([refreshSession("rt-a"), refreshSession("rt-b")]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("reports an ended session, and retries at once after an outage", async () => {
    fetchMock.mockImplementationOnce(async () =>
      Response.json(
        { error: { code: "INVALID_TOKEN", message: "Invalid refresh token", request_id: "r1" } },
        { status: 401 },
      ),
    );
    const ended = await refreshSession("rt-revoked");
    expect(ended).toEqual({ ok: false, code: "INVALID_TOKEN" });
    expect(sessionEnded(ended)).toBe(true);

    fetchMock.mockImplementationOnce(async () => {
      throw new TypeError("fetch failed");
    });
    const down = await refreshSession("rt-outage");
    expect(down).toEqual({ ok: false, code: "SERVICE_UNAVAILABLE" });
    expect(sessionEnded(down)).toBe(false);
    // The outage is not remembered: the next request tries again.
    expect(await refreshSession("rt-outage")).toMatchObject({ ok: true });
  });
});
