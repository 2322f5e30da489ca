import { Button } from "./button";

/** Previous / next with "page x of y" and the total count. */
export function Pagination({
  page,
  pages,
  total,
  onPage,
  disabled = false,
  noun = "item",
}: {
  page: number;
  pages: number;
  total: number;
  onPage: (page: number) => void;
  disabled?: boolean;
  /** singular; an "s" is added unless the total is one */
  noun?: string;
}) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 text-sm text-neutral-600">
      <p data-testid="pagination-summary">
        {total.toLocaleString("en")} {total === 1 ? noun : `${noun}s`} · {page > pages ? `past the last page (${pages})` : `page ${page} of ${pages}`}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={disabled || page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={disabled || page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
