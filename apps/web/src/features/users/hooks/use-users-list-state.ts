import {
  PackageIdSchema,
  USER_SORTS,
  UserStatusSchema,
  type ListUsersQuery,
} from "@partner-hub/shared";
import { useMemo } from "react";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { toOffsetQuery, type ListSpec, type ListState } from "../../../lib/list-url-state.ts";

export type UserSort = (typeof USER_SORTS)[number];
const filters = { package: PackageIdSchema, status: UserStatusSchema };

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
    sort: state.sort,
    order: state.order,
  };
}

export function useUsersListState() {
  const list = useListUrlState(usersListSpec);
  const query = useMemo(() => toListUsersQuery(list.state), [list.state]);
  return { ...list, query };
}
