import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False in the server's HTML and until React has hydrated it in the browser, true from then on. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
