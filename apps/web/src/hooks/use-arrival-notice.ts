import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";

/**
 * A one-time notice that the page the person came from passed in navigation state under `key`
 * ("… was deleted", "… was removed"). It is read once and kept here; the history entry is then
 * replaced by one without it, so a reload — or coming back to this entry later — does not say it
 * again. The setter lets the page show or clear the same notice itself.
 */
export function useArrivalNotice(key: string): [string | null, (notice: string | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const state: unknown = location.state;
  const arrived =
    state !== null && typeof state === "object" && key in state
      ? (state as Record<string, unknown>)[key]
      : undefined;
  const passed = typeof arrived === "string" ? arrived : null;

  const [notice, setNotice] = useState<string | null>(passed);
  // A later arrival at the same mounted page (another entry) brings its own notice.
  const [readFrom, setReadFrom] = useState(location.key);
  if (passed !== null && location.key !== readFrom) {
    setReadFrom(location.key);
    setNotice(passed);
  }

  const { pathname, search, hash } = location;
  useEffect(() => {
    if (passed === null) return;
    void navigate(
      { pathname, search, hash },
      { replace: true, state: null, preventScrollReset: true },
    );
  }, [passed, pathname, search, hash, navigate]);

  return [notice, setNotice];
}
