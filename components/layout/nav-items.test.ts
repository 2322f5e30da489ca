import { describe, expect, it } from "vitest";
import { isActive, mainNav, type NavItem } from "./nav-items";

const viewer: NavItem[] = [
  { href: "/", label: "Home" },
  { href: "/tasks", label: "Tasks" },
  { href: "/models", label: "Models" },
];
const admin: NavItem[] = [...viewer, { href: "/users", label: "Users" }, { href: "/keys", label: "API keys" }];

describe("main navigation", () => {
  it("adds the shared pages after Models, before the admin ones", () => {
    expect(mainNav(admin).map((i) => i.label)).toEqual(["Home", "Tasks", "Models", "Capabilities", "Metrics", "Lab", "Users", "API keys"]);
    expect(mainNav(viewer).map((i) => i.label)).toEqual(["Home", "Tasks", "Models", "Capabilities", "Metrics", "Lab"]);
    expect(mainNav(mainNav(admin))).toEqual(mainNav(admin));
  });

  it("matches a page and its sub-pages, but Home only on itself", () => {
    expect(isActive("/models/sim-atlas", "/models")).toBe(true);
    expect(isActive("/modelsx", "/models")).toBe(false);
    expect(isActive("/tasks", "/")).toBe(false);
    expect(isActive("/", "/")).toBe(true);
  });
});
