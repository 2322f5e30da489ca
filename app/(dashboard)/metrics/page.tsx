import { MetricsOverviewView } from "@/components/metrics/metrics-overview";
import { parseRange } from "@/components/metrics/range";

export const dynamic = "force-dynamic";

export default async function MetricsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return <MetricsOverviewView initialRange={parseRange(params.range)} />;
}
