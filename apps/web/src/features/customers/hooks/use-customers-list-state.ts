import { CUSTOMER_SORTS, CustomerStatusSchema, type ListCustomersQuery } from "@partner-hub/shared";
import { useMemo } from "react";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { toOffsetQuery, type ListSpec, type ListState } from "../../../lib/list-url-state.ts";

type CustomerSort = (typeof CUSTOMER_SORTS)[number];
const filters = { status: CustomerStatusSchema };

export const customersListSpec: ListSpec<CustomerSort, typeof filters> = {
  sorts: CUSTOMER_SORTS,
  defaultSort: "name",
  defaultOrder: "asc",
  filters,
};

export type CustomersListState = ListState<CustomerSort, typeof filters>;

export function toListCustomersQuery(state: CustomersListState): ListCustomersQuery {
  return {
    ...toOffsetQuery(state),
    search: state.search || undefined,
    status: state.filters.status,
    sort: state.sort,
    order: state.order,
  };
}

export function useCustomersListState() {
  const list = useListUrlState(customersListSpec);
  const query = useMemo(() => toListCustomersQuery(list.state), [list.state]);
  return { ...list, query };
}
