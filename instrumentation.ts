/** Migrate, seed and create the first admin before the first request, in the Node.js server only. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getServices } = await import("@/server/services/app");
    await getServices();
  }
}
