import Link from "next/link";
import { buttonClasses } from "@/components/ui";

export default function DashboardNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="not-found">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-1 text-lg font-semibold text-neutral-900">Not found</h1>
      <p className="mt-2 text-sm text-neutral-600">It may have been deleted, or the link is wrong.</p>
      <Link href="/" className={buttonClasses("secondary", "md", "mt-6")}>
        Back to the dashboard
      </Link>
    </div>
  );
}
