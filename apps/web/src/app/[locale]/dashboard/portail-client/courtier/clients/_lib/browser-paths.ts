/** The browser's URL of an API path, behind the same-origin door (src/app/api/proxy). */
export const proxyUrl = (path: string) => `/api/proxy${path}`;
