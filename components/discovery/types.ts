import type { RouterOutputs } from "@/components/shared/api-types";

type Yielded<T> = T extends AsyncIterable<infer U> ? U : never;

/** One message of the discovery.watch subscription: a probe's progress, or the run's end. */
export type DiscoveryUpdate = Yielded<RouterOutputs["discovery"]["watch"]>;
export type DiscoveryProgressEvent = Extract<DiscoveryUpdate, { type: "progress" }>["progress"];
export type DiscoveryRun = RouterOutputs["discovery"]["get"];
export type DiscoveryRunStatus = DiscoveryRun["status"];
export type DiscoveryProbe = DiscoveryRun["probes"][number];
export type DiscoveryResult = NonNullable<DiscoveryRun["result"]>;
export type DiscoveryRunSummary = RouterOutputs["discovery"]["runs"][number];
export type SuiteSummary = RouterOutputs["discovery"]["suites"][number];
export type SuiteDetail = RouterOutputs["discovery"]["suite"];
export type SuiteItemView = SuiteDetail["items"][number];
