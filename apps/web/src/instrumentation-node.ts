// A bad or missing variable stops the server with a clear list, instead of surfacing later
// as a 500 on the first request.
try {
  await import("./lib/env");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

export {};
