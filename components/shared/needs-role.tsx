import type { Role } from "@/server/auth/roles";
import { Alert, PageHeader } from "@/components/ui";

/** The page a signed-in user sees instead of a feature their role cannot use. */
export function NeedsRole({ title, action, role, viewerRole, hint }: { title: string; action: string; role: Role; viewerRole: Role; hint: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert tone="warning" title={`${action} needs the ${role} role`} data-testid="needs-role">
        You are signed in as {viewerRole === "operator" ? "an" : "a"} {viewerRole}. {hint}
      </Alert>
    </>
  );
}
