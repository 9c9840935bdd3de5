import { RowOutcomeSchema, type ListImportRowsQuery } from "@partner-hub/shared";
import { useMemo } from "react";
import { z } from "zod";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { toOffsetQuery, type ListSpec } from "../../../lib/list-url-state.ts";

const filters = { outcome: RowOutcomeSchema, failed: z.enum(["true"]) };

// Rows come in file order; the list sorts no other way.
export const importRowsListSpec: ListSpec<"row", typeof filters> = {
  sorts: ["row"],
  defaultSort: "row",
  defaultOrder: "asc",
  filters,
};

/** The task page's per-row results: outcome and "failed only" filters and the page, in the URL. */
export function useImportRowsState() {
  const list = useListUrlState(importRowsListSpec);
  const query = useMemo<ListImportRowsQuery>(
    () => ({
      ...toOffsetQuery(list.state),
      outcome: list.state.filters.outcome,
      failed: list.state.filters.failed === "true" ? true : undefined,
    }),
    [list.state],
  );
  return { ...list, query };
}
