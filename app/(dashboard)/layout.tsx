import type { ReactNode } from "react";
import { TrpcReactProvider } from "@/components/providers/trpc";
import { AppShell } from "@/components/layout/app-shell";
import { ViewerProvider } from "@/components/shared/viewer";
import { signOutAction } from "./actions";
import { requireViewer } from "./viewer";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <TrpcReactProvider>
      <ViewerProvider viewer={viewer}>
        <AppShell viewer={viewer} signOutAction={signOutAction}>
          {children}
        </AppShell>
      </ViewerProvider>
    </TrpcReactProvider>
  );
}
