import { useId, useState } from "react";
import { useDebouncedEffect } from "../../hooks/use-debounced-callback.ts";

const SEARCH_DEBOUNCE_MS = 300;

/**
 * A search box that reports its text once typing pauses. `value` is the committed search (from
 * the URL); when it changes from outside (back button, "Clear filters") the box follows it.
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
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    setCommitted(value);
    setDraft(value);
  }
  useDebouncedEffect(draft, SEARCH_DEBOUNCE_MS, (text) => {
    if (text.trim() !== value) onSearch(text.trim());
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
