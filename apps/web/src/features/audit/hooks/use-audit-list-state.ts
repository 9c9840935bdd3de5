import {
  AuditSourceSchema,
  SearchTextSchema,
  type AuditFilters,
  type ListAuditQuery,
} from "@partner-hub/shared";
import { useMemo } from "react";
import { z } from "zod";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { toOffsetQuery, type ListSpec, type ListState } from "../../../lib/list-url-state.ts";

const filters = {
  source: AuditSourceSchema,
  // Days as the date inputs write them; a person's day, turned into instants for the API.
  from: z.iso.date(),
  to: z.iso.date(),
  actor: SearchTextSchema.min(1),
  user: SearchTextSchema.min(1),
};

// The audit endpoint answers newest first and sorts no other way.
export const auditListSpec: ListSpec<"at", typeof filters> = {
  sorts: ["at"],
  defaultSort: "at",
  defaultOrder: "desc",
  filters,
};

export type AuditListState = ListState<"at", typeof filters>;

/** The instant a person's calendar day starts where they are, with their offset (`…+01:00`). */
export function startOfLocalDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split("-").map(Number);
  const start = new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays);
  return start.toISOString();
}

/**
 * The filters as the API takes them: `from` is the start of its local day, `to` the start of the
 * day after (the API's `to` instant is exclusive), so a day means the person's own day.
 */
export function toAuditFilters(state: AuditListState): AuditFilters {
  const f = state.filters;
  return {
    source: f.source,
    from: f.from ? startOfLocalDay(f.from) : undefined,
    to: f.to ? startOfLocalDay(f.to, 1) : undefined,
    actor: f.actor,
    user: f.user,
  };
}

export function toListAuditQuery(state: AuditListState): ListAuditQuery {
  return { ...toOffsetQuery(state), ...toAuditFilters(state) };
}

export function useAuditListState() {
  const list = useListUrlState(auditListSpec);
  const query = useMemo(() => toListAuditQuery(list.state), [list.state]);
  const filters = useMemo(() => toAuditFilters(list.state), [list.state]);
  return { ...list, query, filters };
}
