export interface HealthReport {
  status: "ok" | "degraded";
  database: boolean;
  queueDepth: number;
  running: number;
  breakers: { open: number; halfOpen: number; closed: number };
}

/** GET /api/health: public (load balancers), 200 when ok, 503 when degraded or when the services cannot start. */
export async function handleHealth(report: () => Promise<HealthReport>): Promise<Response> {
  let body: HealthReport;
  try {
    body = await report();
  } catch {
    body = { status: "degraded", database: false, queueDepth: 0, running: 0, breakers: { open: 0, halfOpen: 0, closed: 0 } };
  }
  return Response.json(body, { status: body.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
