/**
 * The most procedure calls one tRPC batch request may carry. The server refuses longer batches (a viewer could
 * otherwise queue hundreds of queries on the engine's thread with one GET); the browser's batch link splits its
 * batches at the same size, so the dashboard never meets the refusal.
 */
export const TRPC_MAX_BATCH = 40;
