import { useId, useState } from "react";
import { useLocation, useNavigation } from "react-router";
import { useDebouncedEffect } from "../../hooks/use-debounced-callback.ts";
import { useIsLeaving } from "../../hooks/use-is-leaving.ts";

const SEARCH_DEBOUNCE_MS = 300;

/**
 * A search box that reports its text once typing pauses (Enter reports it at once). `value` is the
 * committed search (from the URL); when it changes from outside (back button, "Clear filters") the
 * box follows it.
 *
 * A report still pending belongs to the page it was typed on: it is dropped when the box unmounts,
 * held while a navigation to another page is under way (the pages load lazily, so the old page
 * stays up meanwhile, and its report would turn the person back to the list they just left), and
 * dropped when the page's path changes under it (a route kept mounted for another customer shows
 * that page's search, not the text typed for the last one).
 */
export function SearchField({
  label,
  placeholder,
  value,
  onSearch,
  maxLength = 200,
}: {
  label: string;
  placeholder: string;
  value: string;
  onSearch: (value: string) => void;
  maxLength?: number;
}) {
  const id = useId();
  const { pathname } = useLocation();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState({ value, pathname });
  if (value !== shown.value || pathname !== shown.pathname) {
    setShown({ value, pathname });
    setDraft(value);
  }
  const navigation = useNavigation();
  const leaving = navigation.state !== "idle" && navigation.location.pathname !== pathname;
  const isLeavingNow = useIsLeaving();
  // `null` while leaving restarts the wait, so a navigation that is given up (or fails) still
  // gets the search reported a pause later. The rendered `leaving` lags the click by a render, so
  // the moment of reporting asks the router itself too.
  useDebouncedEffect(leaving ? null : draft, SEARCH_DEBOUNCE_MS, (text) => {
    if (text !== null && text.trim() !== value && !isLeavingNow(pathname)) onSearch(text.trim());
  });

  return (
    <div className="field field--search">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <span className="field__icon" aria-hidden="true">
        <svg viewBox="0 0 20 20" width="16" height="16">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </span>
      <input
        id={id}
        type="search"
        className="input"
        placeholder={placeholder}
        value={draft}
        maxLength={maxLength}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onSearch(draft.trim());
        }}
      />
    </div>
  );
}
