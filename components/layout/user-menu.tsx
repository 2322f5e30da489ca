import type { Viewer } from "@/components/shared/api-types";
import { RoleBadge } from "@/components/shared/role-badge";

function initials(name: string, email: string): string {
  const source = name.trim() || email;
  const parts = source.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

function SignOutButton({ signOutAction, testId }: { signOutAction: () => Promise<void>; testId: string }) {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className="rounded-md px-2 py-1 text-xs font-medium text-neutral-300 ring-1 ring-white/10 hover:bg-white/10 hover:text-white"
        data-testid={testId}
      >
        Sign out
      </button>
    </form>
  );
}

/** Who is signed in, with which role, and the way out. `compact` is the mobile top bar's version. */
export function UserMenu({ viewer, signOutAction, compact = false }: { viewer: Viewer; signOutAction: () => Promise<void>; compact?: boolean }) {
  if (compact) {
    return (
      <div className="flex items-center gap-2">
        <span className="hidden max-w-[12rem] truncate text-xs text-neutral-400 sm:block">{viewer.email}</span>
        <RoleBadge role={viewer.role} />
        <SignOutButton signOutAction={signOutAction} testId="sign-out-mobile" />
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-500/20 text-xs font-semibold text-indigo-200">
          {initials(viewer.name, viewer.email)}
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium text-white" data-testid="user-name">
            {viewer.name}
          </p>
          <p className="truncate text-xs text-neutral-400" data-testid="user-email" title={viewer.email}>
            {viewer.email}
          </p>
        </div>
      </div>
      <div className="flex items-center justify-between">
        <RoleBadge role={viewer.role} data-testid="user-role" />
        <SignOutButton signOutAction={signOutAction} testId="sign-out" />
      </div>
    </div>
  );
}
