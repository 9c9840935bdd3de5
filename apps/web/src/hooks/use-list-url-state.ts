import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import {
  applyListPatch,
  parseListState,
  writeListState,
  type ListSpec,
  type ListStatePatch,
} from "../lib/list-url-state.ts";

/** A list's search, filters, sort and page, read from and written to the URL query string. */
export function useListUrlState<TSort extends string, F extends Record<string, z.ZodType<string>>>(
  spec: ListSpec<TSort, F>,
) {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string key is the identity
  const state = useMemo(() => parseListState(searchParams, spec), [key, spec]);

  const update = useCallback(
    (patch: ListStatePatch<TSort, F>, options?: { replace?: boolean }) => {
      setSearchParams(
        (current) =>
          writeListState(current, applyListPatch(parseListState(current, spec), patch), spec),
        { replace: options?.replace ?? false },
      );
    },
    [setSearchParams, spec],
  );

  const reset = useCallback(() => {
    const empty = parseListState(new URLSearchParams(), spec);
    setSearchParams((current) =>
      writeListState(current, { ...empty, pageSize: parseListState(current, spec).pageSize }, spec),
    );
  }, [setSearchParams, spec]);

  return { state, update, reset };
}
