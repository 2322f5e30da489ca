export interface NavItem {
  href: string;
  label: string;
}

export function isActive(pathname: string, href: string): boolean {
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

/** Every page of the main navigation: the role's items plus the pages every role may read. */
export function mainNav(items: readonly NavItem[]): readonly NavItem[] {
  return withLab(withMetrics(withCapabilities(items)));
}
