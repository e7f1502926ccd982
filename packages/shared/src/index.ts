export * from "./auth.ts";
export * from "./enums.ts";
export * from "./errors.ts";
export * from "./links.ts";
export * from "./pagination.ts";
