import {
  PackageIdSchema,
  USER_SORTS,
  UserStatusSchema,
  type ListUsersQuery,
} from "@partner-hub/shared";
import { useMemo } from "react";
import { z } from "zod";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { toOffsetQuery, type ListSpec, type ListState } from "../../../lib/list-url-state.ts";

export type UserSort = (typeof USER_SORTS)[number];
// `location` (an id): the users a location that cannot be deleted links to.
const filters = {
  package: PackageIdSchema,
  status: UserStatusSchema,
  location: z.string().regex(/^[0-9a-f-]{36}$/i),
};

export const usersListSpec: ListSpec<UserSort, typeof filters> = {
  sorts: USER_SORTS,
  defaultSort: "name",
  defaultOrder: "asc",
  filters,
};

export type UsersListState = ListState<UserSort, typeof filters>;

export function toListUsersQuery(state: UsersListState): ListUsersQuery {
  return {
    ...toOffsetQuery(state),
    search: state.search || undefined,
    package: state.filters.package,
    status: state.filters.status,
    location: state.filters.location,
    sort: state.sort,
    order: state.order,
  };
}

export function useUsersListState() {
  const list = useListUrlState(usersListSpec);
  const query = useMemo(() => toListUsersQuery(list.state), [list.state]);
  return { ...list, query };
}
