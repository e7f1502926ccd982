// Liveness of the web process, for Railway's health check and the e2e webServer.
export function GET() {
  return Response.json({ status: "ok" });
}
