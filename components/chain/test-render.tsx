import { ReactFlowProvider } from "@xyflow/react";
import { renderToStaticMarkup } from "react-dom/server";
import { CHAIN_NODE_TYPES } from "./chain-nodes";
import type { StepNode } from "./types";

/** A step node rendered to HTML the way React Flow would mount it, for server-render tests. */
export function renderStepNode(node: StepNode): string {
  const StepView = CHAIN_NODE_TYPES.chainStep;
  return renderToStaticMarkup(
    <ReactFlowProvider>
      <StepView
        id={node.id}
        data={node.data}
        type="chainStep"
        selected={false}
        dragging={false}
        zIndex={0}
        selectable
        deletable={false}
        draggable={false}
        isConnectable={false}
        positionAbsoluteX={0}
        positionAbsoluteY={0}
      />
    </ReactFlowProvider>,
  );
}
