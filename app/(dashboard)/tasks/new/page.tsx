import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/server/auth/roles";
import { SubmitTaskForm } from "@/components/tasks/submit-task-form";
import { Alert, Card, CardBody, PageHeader } from "@/components/ui";
import { requireViewer } from "../../viewer";

export const metadata: Metadata = { title: "New task" };

export default async function NewTaskPage() {
  const viewer = await requireViewer();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="New task"
        description="Describe the task. Ensemble analyses it, picks a model or a chain of models, and shows the answer as it streams."
      />
      {hasRole(viewer.role, "operator") ? (
        <Card>
          <CardBody className="py-6">
            <SubmitTaskForm />
          </CardBody>
        </Card>
      ) : (
        <Alert tone="warning" title="Submitting tasks needs the operator role" data-testid="needs-role">
          You are signed in as a {viewer.role}. Ask an admin to make you an operator; meanwhile you can follow existing{" "}
          <Link href="/tasks" className="underline">
            tasks
          </Link>
          .
        </Alert>
      )}
    </div>
  );
}
