import type { ListImportsQuery } from "@partner-hub/shared";
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
  // Previews that were never applied are listed apart (OpenPreviews), not as tasks.
  const query = useMemo<ListImportsQuery>(
    () => ({ ...toOffsetQuery(list.state), kind: "tasks" }),
    [list.state],
  );
  return { ...list, query };
}
