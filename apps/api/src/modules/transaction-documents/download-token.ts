import { createHmac } from "node:crypto";
import { createSigner, createVerifier, TokenError } from "fast-jwt";
import { AppError } from "../../lib/errors.ts";

export const DOWNLOAD_TOKEN_TTL_SECONDS = 300;
const AUDIENCE = "transaction-document-download";

export interface DownloadSigner {
  sign(claims: { documentId: number; userId: number }): Promise<{ token: string; expiresAt: Date }>;
  /** Throws 403 FORBIDDEN for a token not made for this user and document, 410 EXPIRED when old. */
  verify(token: string, expected: { documentId: number; userId: number }): Promise<void>;
}

/**
 * Short-lived download links bound to one document and one user. The key is derived from the
 * JWT secret for this purpose only, so a link can never pass as an access token or the reverse.
 * The download route still requires the caller's bearer token and re-checks access: a leaked
 * link alone opens nothing.
 */
export function createDownloadSigner(
  secret: string,
  ttlSeconds = DOWNLOAD_TOKEN_TTL_SECONDS,
): DownloadSigner {
  const key = createHmac("sha256", secret).update(AUDIENCE).digest();
  const signer = createSigner({ key, algorithm: "HS256", aud: AUDIENCE });
  return {
    async sign({ documentId, userId }) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = signer({
        doc: documentId,
        sub: String(userId),
        exp: Math.floor(expiresAt.getTime() / 1000),
      });
      return { token, expiresAt };
    },
    async verify(token, { documentId, userId }) {
      const invalid = new AppError("FORBIDDEN", "This download link is not valid for you");
      let payload: { doc?: unknown };
      try {
        payload = createVerifier({
          key,
          algorithms: ["HS256"],
          allowedAud: AUDIENCE,
          allowedSub: String(userId),
          requiredClaims: ["exp", "sub", "aud"],
        })(token);
      } catch (error) {
        if (error instanceof TokenError && error.code === TokenError.codes.expired) {
          throw new AppError("EXPIRED", "This download link has expired; open the document again");
        }
        if (error instanceof TokenError) throw invalid;
        throw error;
      }
      if (payload.doc !== documentId) throw invalid;
    },
  };
}
