import type { PaginationQuery } from "@partner-hub/shared";
import { useMemo } from "react";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { toOffsetQuery, type ListSpec } from "../../../lib/list-url-state.ts";

// The imports endpoint answers newest first and sorts no other way.
export const importsListSpec: ListSpec<"createdAt", Record<string, never>> = {
  sorts: ["createdAt"],
  defaultSort: "createdAt",
  defaultOrder: "desc",
  filters: {},
};

export function useImportsListState() {
  const list = useListUrlState(importsListSpec);
  const query = useMemo<PaginationQuery>(() => toOffsetQuery(list.state), [list.state]);
  return { ...list, query };
}
