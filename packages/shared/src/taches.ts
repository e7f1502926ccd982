// Request and response schemas of the /taches endpoints (SPEC.md §4).
export {};
