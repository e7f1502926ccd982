// Runs once when the server starts. The Node-only part sits in its own file so the Edge
// bundle never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
