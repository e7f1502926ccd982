// Request and response schemas of the /documents endpoints (SPEC.md §4).
export {};
