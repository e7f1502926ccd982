import { createSigner, createVerifier, TokenError } from "fast-jwt";

export interface AccessClaims {
  userId: number;
  sessionId: string;
}

export interface TokenSigner {
  sign(claims: AccessClaims): Promise<string>;
  verify(token: string): Promise<AccessClaims | null>;
  ttlSeconds: number;
}

/**
 * Short-lived HS256 access tokens carrying only the user and session ids. Verified on every
 * request: fast-jwt checks the HMAC synchronously with node:crypto (~9 µs), where WebCrypto
 * took ~57 µs and a thread-pool hop (bench/results/2026-11-24-findings.md).
 */
export function createTokenSigner(secret: string, ttlSeconds: number): TokenSigner {
  const signer = createSigner({ key: secret, algorithm: "HS256", expiresIn: ttlSeconds * 1000 });
  const verifier = createVerifier({
    key: secret,
    algorithms: ["HS256"],
    requiredClaims: ["exp", "sub"],
  });
  return {
    ttlSeconds,
    sign: async ({ userId, sessionId }) => signer({ sid: sessionId, sub: String(userId) }),
    async verify(token) {
      try {
        const payload = verifier(token) as { sub?: unknown; sid?: unknown };
        const userId = Number(payload.sub);
        if (!Number.isInteger(userId) || typeof payload.sid !== "string") return null;
        return { userId, sessionId: payload.sid };
      } catch (error) {
        if (error instanceof TokenError) return null;
        throw error;
      }
    },
  };
}
