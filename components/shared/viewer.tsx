"use client";

import { createContext, useContext, type ReactNode } from "react";
import { hasRole, type Role } from "@/server/auth/roles";
import type { Viewer } from "./api-types";

const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in user, read once by the dashboard layout; client components use it to hide what the role cannot do. */
export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer must be used inside <ViewerProvider>");
  return viewer;
}

/** Whether the signed-in user has at least this role. The server enforces it anyway. */
export function useCan(role: Role): boolean {
  return hasRole(useViewer().role, role);
}
