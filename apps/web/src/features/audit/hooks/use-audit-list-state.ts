import { AuditSourceSchema, type ListAuditQuery } from "@partner-hub/shared";
import { useMemo } from "react";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { toOffsetQuery, type ListSpec, type ListState } from "../../../lib/list-url-state.ts";

const filters = { source: AuditSourceSchema };

// The audit endpoint answers newest first and sorts no other way.
export const auditListSpec: ListSpec<"at", typeof filters> = {
  sorts: ["at"],
  defaultSort: "at",
  defaultOrder: "desc",
  filters,
};

export type AuditListState = ListState<"at", typeof filters>;

export function toListAuditQuery(state: AuditListState): ListAuditQuery {
  return { ...toOffsetQuery(state), source: state.filters.source };
}

export function useAuditListState() {
  const list = useListUrlState(auditListSpec);
  const query = useMemo(() => toListAuditQuery(list.state), [list.state]);
  return { ...list, query };
}
