"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { NavLinks } from "./nav-links";
import type { NavItem } from "./nav-items";

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" className="size-4" aria-hidden>
      {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5.5h14M3 10h14M3 14.5h14" />}
    </svg>
  );
}

/**
 * The phone top bar: logo, a Menu button and the account. A strip of eight links cut off at the screen edge hid the
 * last ones, so the links open as a two-column panel instead, every one in view.
 */
export function MobileNav({ items, canSubmit, logo, account }: { items: readonly NavItem[]; canSubmit: boolean; logo: ReactNode; account: ReactNode }) {
  const pathname = usePathname();
  // the page the menu was opened on: moving to another page (a link, or back/forward) closes it without an effect
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpenOn(null);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <div className="flex items-center justify-between gap-3">
        {logo}
        <div className="flex items-center gap-2">
          <button
            type="button"
            aria-expanded={open}
            aria-controls="mobile-nav"
            onClick={() => setOpenOn(open ? null : pathname)}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-neutral-200 ring-1 ring-white/15 hover:bg-white/10 hover:text-white"
            data-testid="mobile-menu"
          >
            <MenuIcon open={open} />
            Menu
          </button>
          {account}
        </div>
      </div>
      {open && (
        <nav id="mobile-nav" aria-label="Main (mobile)" className="mt-3 border-t border-white/10 pt-3">
          <NavLinks items={items} layout="grid" onNavigate={close} />
          {canSubmit && (
            <Link
              href="/tasks/new"
              onClick={close}
              className="mt-3 flex items-center justify-center rounded-md bg-indigo-500 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-400"
            >
              New task
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
