// Runs once when a server process starts, including a bare `next start`, so the production
// guards hold however the app is launched.
export async function register() {
  // NEXT_RUNTIME is set by Next itself, not configuration, so it is read here and not in lib/env.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("@/lib/boot/register-node");
    await registerNode();
  }
}
