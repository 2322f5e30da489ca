"use client";

import { useModelNames } from "@/components/tasks/use-model-names";
import { ChainView, type ChainViewProps } from "./chain-view";

export type ChainGraphProps = Omit<ChainViewProps, "modelName">;

/**
 * The live chain view with nodes labelled by the roster's model names. The roster query is the one the task
 * page already holds, so this adds no request; `ChainView` is the same view without the query (tests).
 */
export function ChainGraph(props: ChainGraphProps) {
  const modelName = useModelNames();
  return <ChainView {...props} modelName={modelName} />;
}
