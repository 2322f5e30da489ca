import Link from "next/link";
import type { ReactNode } from "react";
import type { Viewer } from "@/components/shared/api-types";
import { hasRole } from "@/server/auth/roles";
import { MobileNav } from "./mobile-nav";
import type { NavItem } from "./nav-items";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

function navFor(viewer: Viewer): NavItem[] {
  return [
    { href: "/", label: "Home" },
    { href: "/tasks", label: "Tasks" },
    { href: "/models", label: "Models" },
    ...(hasRole(viewer.role, "admin") ? [{ href: "/users", label: "Users" }, { href: "/keys", label: "API keys" }] : []),
  ];
}

function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2.5">
      <span className="flex size-7 items-center justify-center rounded-lg bg-indigo-500 text-sm font-bold text-white">E</span>
      <span className="text-sm font-semibold tracking-tight text-white">Ensemble</span>
    </Link>
  );
}

/** Dark sidebar on wide screens, a top bar on narrow ones; the page on a light canvas. */
export function AppShell({ viewer, signOutAction, children }: { viewer: Viewer; signOutAction: () => Promise<void>; children: ReactNode }) {
  const items = navFor(viewer);
  const canSubmit = hasRole(viewer.role, "operator");
  return (
    <div className="min-h-screen lg:pl-60">
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col border-r border-white/5 bg-neutral-950 lg:flex">
        <div className="px-5 pt-5 pb-6">
          <Logo />
        </div>
        <nav aria-label="Main" className="flex-1 px-3">
          <NavLinks items={items} layout="column" />
          {canSubmit && (
            <Link
              href="/tasks/new"
              className="mt-6 flex items-center justify-center rounded-md bg-indigo-500 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-400"
            >
              New task
            </Link>
          )}
        </nav>
        <div className="border-t border-white/10 px-4 py-4">
          <UserMenu viewer={viewer} signOutAction={signOutAction} />
        </div>
      </aside>

      <header className="sticky top-0 z-20 border-b border-white/5 bg-neutral-950 px-4 py-3 lg:hidden">
        <MobileNav items={items} canSubmit={canSubmit} logo={<Logo />} account={<UserMenu viewer={viewer} signOutAction={signOutAction} compact />} />
      </header>

      <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</main>
    </div>
  );
}
