import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "./cx";
import { Scroller } from "./scroller";

/** A table that scrolls sideways on narrow screens instead of breaking the layout (Scroller: edge shadow, keyboard scrolling). `relative` keeps absolutely placed children (sr-only text) inside the scroller. */
export function Table({ className, ...rest }: HTMLAttributes<HTMLTableElement>) {
  return (
    <Scroller label="Table (scrolls sideways)">
      <table className={cx("min-w-full divide-y divide-neutral-200 text-sm", className)} {...rest} />
    </Scroller>
  );
}

export function THead({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cx("bg-neutral-50/80", className)} {...rest} />;
}

export function TBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cx("divide-y divide-neutral-100", className)} {...rest} />;
}

export function Tr({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx("align-middle", className)} {...rest} />;
}

/** `dense`: narrow padding and plain lower-case text, for grids of small cells (capability heat maps). */
export function Th({ className, scope = "col", dense = false, ...rest }: ThHTMLAttributes<HTMLTableCellElement> & { dense?: boolean }) {
  return (
    <th
      scope={scope}
      className={cx(
        "text-left whitespace-nowrap text-neutral-500",
        dense ? "px-0.5 py-2 text-[10px] font-medium" : "px-3 py-2 text-[11px] font-semibold tracking-wide uppercase first:pl-5 last:pr-5",
        className,
      )}
      {...rest}
    />
  );
}

export function Td({ className, dense = false, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { dense?: boolean }) {
  return <td className={cx("text-neutral-700", dense ? "px-0.5 py-1.5" : "px-3 py-2.5 first:pl-5 last:pr-5", className)} {...rest} />;
}
