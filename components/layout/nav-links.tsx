"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui";

export interface NavItem {
  href: string;
  label: string;
}

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

const CAPABILITIES_ITEM: NavItem = { href: "/capabilities", label: "Capabilities" };

/** Capabilities (suites and what each capability means; every role may read it) sits right after Models. */
export function withCapabilities(items: readonly NavItem[]): readonly NavItem[] {
  const models = items.findIndex((item) => item.href === "/models");
  if (models < 0 || items.some((item) => item.href === CAPABILITIES_ITEM.href)) return items;
  return [...items.slice(0, models + 1), CAPABILITIES_ITEM, ...items.slice(models + 1)];
}

const METRICS_ITEM: NavItem = { href: "/metrics", label: "Metrics" };

/** Metrics (dashboards every role may read) goes last among the shared pages, before the admin-only ones. */
export function withMetrics(items: readonly NavItem[]): readonly NavItem[] {
  if (items.some((item) => item.href === METRICS_ITEM.href)) return items;
  const admin = items.findIndex((item) => item.href === "/users");
  return admin < 0 ? [...items, METRICS_ITEM] : [...items.slice(0, admin), METRICS_ITEM, ...items.slice(admin)];
}

const LAB_ITEM: NavItem = { href: "/lab", label: "Lab" };

/** Lab (routing policies replayed on recorded outcomes; every role may read it) goes last among the shared pages. */
export function withLab(items: readonly NavItem[]): readonly NavItem[] {
  if (items.some((item) => item.href === LAB_ITEM.href)) return items;
  const admin = items.findIndex((item) => item.href === "/users");
  return admin < 0 ? [...items, LAB_ITEM] : [...items.slice(0, admin), LAB_ITEM, ...items.slice(admin)];
}

/** The main navigation; vertical in the sidebar, horizontal in the mobile top bar. */
export function NavLinks({ items, orientation }: { items: readonly NavItem[]; orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  return (
    <ul className={cx(orientation === "vertical" ? "space-y-1" : "flex gap-1 overflow-x-auto")}>
      {withLab(withMetrics(withCapabilities(items))).map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
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
