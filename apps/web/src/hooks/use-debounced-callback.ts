import { useEffect, useRef } from "react";

/** Runs `callback(value)` once `value` has stopped changing for `delayMs`. */
export function useDebouncedEffect<T>(
  value: T,
  delayMs: number,
  callback: (value: T) => void,
): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    const timer = window.setTimeout(() => latest.current(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
}
