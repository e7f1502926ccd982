// Request and response schemas of the /invitations endpoints (SPEC.md §4).
export {};
