import { metricsAllowed, type MetricsAuthDeps } from "./metrics-auth";

export interface MetricsHandlerDeps extends MetricsAuthDeps {
  exporter: () => Promise<{ contentType: string; render(): Promise<string> }>;
}

/** GET /api/metrics: Prometheus text exposition, 401 without an admin session or the bearer token. */
export async function handleMetrics(request: Request, deps: MetricsHandlerDeps): Promise<Response> {
  if (!(await metricsAllowed(request, deps))) {
    const message = "Sign in as an admin or send Authorization: Bearer <ENSEMBLE_METRICS_TOKEN>";
    return Response.json({ error: { message, code: "unauthorized" } }, { status: 401, headers: { "www-authenticate": 'Bearer realm="ensemble-metrics"' } });
  }
  const exporter = await deps.exporter();
  const body = await exporter.render();
  return new Response(body, { status: 200, headers: { "content-type": exporter.contentType, "cache-control": "no-store" } });
}
