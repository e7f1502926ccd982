import { type ErrorCode, type ErrorDetails, type FieldError, httpStatusFor } from "@portail/shared";

/** The only error type services throw on purpose; the error handler turns it into SPEC §4's body. */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      fields?: FieldError[];
      /** Sent as `error.details`: facts the page needs to help (errorDetailsSchema). */
      details?: ErrorDetails;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.statusCode = httpStatusFor(code);
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "Not allowed") => new AppError("FORBIDDEN", message);
export const unauthorized = (message = "Authentication required") =>
  new AppError("UNAUTHORIZED", message);
