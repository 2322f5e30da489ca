import { metricsAllowed, type MetricsAuthDeps } from "./metrics-auth";

export interface MetricsHandlerDeps extends MetricsAuthDeps {
  exporter: () => Promise<{ contentType: string; render(): Promise<string> }>;
}

/** GET /api/metrics: Prometheus text exposition, 401 without an admin session or the bearer token. */
export async function handleMetrics(request: Request, deps: MetricsHandlerDeps): Promise<Response> {
  if (!(await metricsAllowed(request, deps))) {
    return new Response("unauthorized\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="ensemble-metrics"' },
    });
  }
  const exporter = await deps.exporter();
  const body = await exporter.render();
  return new Response(body, { status: 200, headers: { "content-type": exporter.contentType, "cache-control": "no-store" } });
}
