// Request and response schemas of the /transactions endpoints (SPEC.md §4).
export {};
