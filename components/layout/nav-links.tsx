"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui";
import { isActive, mainNav, type NavItem } from "./nav-items";

/** The main navigation: a column in the sidebar, two columns in the phone menu. `onNavigate` lets the menu close on a click. */
export function NavLinks({ items, layout, onNavigate }: { items: readonly NavItem[]; layout: "column" | "grid"; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className={layout === "column" ? "space-y-1" : "grid grid-cols-2 gap-1"}>
      {mainNav(items).map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={cx(
                "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                active ? "bg-white/10 text-white" : "text-neutral-400 hover:bg-white/5 hover:text-white",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
