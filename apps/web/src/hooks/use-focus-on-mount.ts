import { useEffect, useRef } from "react";

/**
 * A ref whose element takes keyboard focus when it first appears — for a state that replaces the
 * control the person just used (its button is gone, so focus would otherwise fall to the body).
 * The element needs tabIndex={-1} if it is not focusable itself (a heading).
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
