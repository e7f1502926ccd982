// Request and response schemas of the /messages endpoints (SPEC.md §4).
export {};
