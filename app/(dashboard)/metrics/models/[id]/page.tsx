import { ModelMetricsView } from "@/components/metrics/model-metrics-view";
import { parseRange } from "@/components/metrics/range";

export const dynamic = "force-dynamic";

export default async function ModelMetricsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  return <ModelMetricsView modelId={decodeURIComponent(id)} initialRange={parseRange(query.range)} />;
}
