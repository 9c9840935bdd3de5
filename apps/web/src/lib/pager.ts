import { pageRange } from "./list-url-state.ts";

/** Where each button of the pager leads (null: disabled), for a 1-based `page`. */
export interface PagerTargets {
  pageCount: number;
  first: number | null;
  previous: number | null;
  next: number | null;
  last: number | null;
}

export function pagerTargets(page: number, pageSize: number, total: number): PagerTargets {
  const { pageCount } = pageRange(page, pageSize, total);
  const current = Math.min(Math.max(1, page), pageCount);
  const back = current > 1;
  const forward = current < pageCount;
  return {
    pageCount,
    first: back ? 1 : null,
    previous: back ? current - 1 : null,
    next: forward ? current + 1 : null,
    last: forward ? pageCount : null,
  };
}

/**
 * The page a person typed into the page box: a whole number, kept within 1…pageCount (so "999"
 * goes to the last page), or null when the text is not a page number at all (the box then goes
 * back to the page shown). Accepts digits with surrounding spaces only.
 */
export function parsePageInput(text: string, pageCount: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const page = Number(trimmed);
  return Math.min(Math.max(1, page), Math.max(1, pageCount));
}
