import Link from "next/link";
import { buttonClasses } from "@/components/ui";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">Page not found</h1>
      <p className="max-w-sm text-sm text-neutral-500">The page you asked for does not exist, or it was deleted.</p>
      <Link href="/" className={buttonClasses("secondary", "md", "mt-2")}>
        Back to the dashboard
      </Link>
    </main>
  );
}
