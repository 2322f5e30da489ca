import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type Viewer = NonNullable<RouterOutputs["users"]["me"]>;
export type ModelView = RouterOutputs["models"]["list"][number];
export type ProviderView = RouterOutputs["providers"]["list"][number];
export type UserRow = RouterOutputs["users"]["list"][number];
export type TaskListPage = RouterOutputs["tasks"]["list"];
export type TaskListItem = TaskListPage["items"][number];
export type TaskDetail = RouterOutputs["tasks"]["get"];
export type TaskStep = TaskDetail["steps"][number];
export type TaskListInput = RouterInputs["tasks"]["list"];
export type ApiKeyRow = RouterOutputs["apiKeys"]["list"][number];
