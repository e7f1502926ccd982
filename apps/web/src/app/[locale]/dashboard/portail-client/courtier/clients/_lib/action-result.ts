/**
 * What a workspace server action answers: the API's data, or a failure already translated for
 * the person (the API's own message is for developers and never shown).
 */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** API error code (or VALIDATION_ERROR when the input was refused before sending). */
      code: string;
      message: string;
      fieldErrors?: Record<string, string>;
    };
