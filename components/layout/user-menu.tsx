import type { Viewer } from "@/components/shared/api-types";
import { RoleBadge } from "@/components/shared/role-badge";

function initials(name: string, email: string): string {
  const source = name.trim() || email;
  const parts = source.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

/** Who is signed in, with which role, and the way out. */
export function UserMenu({ viewer, signOutAction, compact = false }: { viewer: Viewer; signOutAction: () => Promise<void>; compact?: boolean }) {
  return (
    <div className={compact ? "flex items-center gap-2" : "flex items-center gap-3"}>
      {!compact && (
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-500/20 text-xs font-semibold text-indigo-200">
          {initials(viewer.name, viewer.email)}
        </span>
      )}
      <div className={compact ? "hidden sm:block" : "min-w-0 flex-1"}>
        {!compact && (
          <p className="truncate text-sm font-medium text-white" data-testid="user-name">
            {viewer.name}
          </p>
        )}
        <p className="truncate text-xs text-neutral-400" data-testid={compact ? undefined : "user-email"}>
          {viewer.email}
        </p>
      </div>
      <RoleBadge role={viewer.role} data-testid={compact ? undefined : "user-role"} />
      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-md px-2 py-1 text-xs font-medium text-neutral-300 hover:bg-white/10 hover:text-white"
          data-testid={compact ? "sign-out-mobile" : "sign-out"}
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
