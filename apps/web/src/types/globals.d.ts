// Lets `tsc` check the app on a fresh clone, before `next dev`/`next build` wrote next-env.d.ts.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
