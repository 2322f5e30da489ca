"use client";

import Link from "next/link";
import { useCan, useViewer } from "@/components/shared/viewer";
import { buttonClasses, PageHeader } from "@/components/ui";
import { DemoBatchButton } from "./demo-batch-button";
import { RecentTasks } from "./recent-tasks";
import { RosterSummary } from "./roster-summary";
import { TaskCounts } from "./task-counts";

export function HomeView() {
  const viewer = useViewer();
  const canSubmit = useCan("operator");
  return (
    <>
      <PageHeader
        title={`Welcome, ${viewer.name.split(" ")[0] || viewer.name}`}
        description="Submit a task and Ensemble picks the model, or the chain of models, that fits it best."
        actions={
          canSubmit && (
            <>
              <DemoBatchButton />
              <Link href="/tasks/new" className={buttonClasses("primary", "md", "h-10 px-5")} data-testid="new-task">
                New task
              </Link>
            </>
          )
        }
      />
      <div className="space-y-6">
        <TaskCounts />
        <RecentTasks />
        <RosterSummary />
      </div>
    </>
  );
}
