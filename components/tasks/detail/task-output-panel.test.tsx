import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TaskOutputPanel } from "./task-output-panel";

describe("TaskOutputPanel", () => {
  it("names the streaming step counting from 1, like the plan and the steps table", () => {
    const html = renderToStaticMarkup(
      <TaskOutputPanel
        status="running"
        finalOutput={null}
        stream={{ stepIndex: 0, modelId: "sim-quill-writer", role: "draft", text: "Dear", done: false, failed: false }}
        modelName={(id) => (id === "sim-quill-writer" ? "Quill Writer" : id)}
      />,
    );
    expect(html).toContain("Streaming from step 1 (draft · Quill Writer)");
  });
});
