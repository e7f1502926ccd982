// Request and response schemas of the /etapes endpoints (SPEC.md §4).
export {};
