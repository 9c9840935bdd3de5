import {
  AdminSchema,
  CustomerSummarySchema,
  AssignedCustomerSchema,
  InvitedAdminSchema,
  pageOf,
  type InviteAdminInput,
  type InviteCustomerAdminInput,
  type ListAdminsQuery,
  type UpdateAdminInput,
} from "@partner-hub/shared";
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * Whose administrators a page shows: the partner's own (Partner Hub) or one customer's (Control
 * Hub). The two share one table and dialogs; only the URLs differ.
 */
export type AdminsOwner = { kind: "partner" } | { kind: "customer"; customerId: string };

const AdminsPageSchema = pageOf(AdminSchema);
const AssignedPageSchema = pageOf(AssignedCustomerSchema);

function base(owner: AdminsOwner): string {
  return owner.kind === "partner"
    ? "/admins"
    : `/customers/${encodeURIComponent(owner.customerId)}/admins`;
}
const one = (owner: AdminsOwner, adminId: string) =>
  `${base(owner)}/${encodeURIComponent(adminId)}`;

export const adminKeys = {
  all: (owner: AdminsOwner) =>
    owner.kind === "partner"
      ? (["admins"] as const)
      : (["customers", "detail", owner.customerId, "admins"] as const),
  list: (owner: AdminsOwner, query: ListAdminsQuery) =>
    [...adminKeys.all(owner), "list", query] as const,
  customers: (adminId: string, query: ListAdminsQuery) =>
    ["admins", "detail", adminId, "customers", query] as const,
};

export function getAdminsQueryOptions(owner: AdminsOwner, query: ListAdminsQuery) {
  return queryOptions({
    queryKey: adminKeys.list(owner, query),
    queryFn: ({ signal }) => apiRequest(base(owner), AdminsPageSchema, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdmins(owner: AdminsOwner, query: ListAdminsQuery) {
  return useQuery(getAdminsQueryOptions(owner, query));
}

export function useAdminCustomers(adminId: string, query: ListAdminsQuery) {
  return useQuery({
    queryKey: adminKeys.customers(adminId, query),
    queryFn: ({ signal }) =>
      apiRequest(`/admins/${encodeURIComponent(adminId)}/customers`, AssignedPageSchema, {
        query,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every change refreshes the owner's lists (and the partner's audit log). */
function useAdminMutation<TVars, TResult>(
  owner: AdminsOwner,
  mutationFn: (vars: TVars) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.all(owner) });
      if (owner.kind === "partner") await queryClient.invalidateQueries({ queryKey: ["admins"] });
    },
  });
}

export function useInviteAdmin(owner: AdminsOwner) {
  return useAdminMutation(owner, (body: InviteAdminInput | InviteCustomerAdminInput) =>
    apiRequest(base(owner), InvitedAdminSchema, { method: "POST", body }),
  );
}

export function useResendInvitation(owner: AdminsOwner) {
  return useAdminMutation(owner, (adminId: string) =>
    apiRequest(`${one(owner, adminId)}/invitation`, InvitedAdminSchema, { method: "POST" }),
  );
}

export function useUpdateAdmin(owner: AdminsOwner) {
  return useAdminMutation(owner, ({ adminId, body }: { adminId: string; body: UpdateAdminInput }) =>
    apiRequest(one(owner, adminId), AdminSchema, { method: "PATCH", body }),
  );
}

export function useRemoveAdmin(owner: AdminsOwner) {
  return useAdminMutation(owner, (adminId: string) =>
    apiRequest(one(owner, adminId), z.unknown(), { method: "DELETE" }),
  );
}

export function useSetAssignment() {
  return useAdminMutation(
    { kind: "partner" },
    ({
      adminId,
      customerId,
      assigned,
    }: {
      adminId: string;
      customerId: string;
      assigned: boolean;
    }) =>
      apiRequest(
        `/admins/${encodeURIComponent(adminId)}/customers/${encodeURIComponent(customerId)}`,
        z.unknown(),
        { method: assigned ? "PUT" : "DELETE" },
      ),
  );
}

const PickerPageSchema = pageOf(CustomerSummarySchema);

/** The customer picker's search: a handful of matches by name or external ID, never the whole list. */
export function useCustomerSearch(search: string, max: number) {
  return useQuery({
    queryKey: ["customers", "list", { search, max, picker: true }],
    queryFn: ({ signal }) =>
      apiRequest("/customers", PickerPageSchema, {
        query: { search, offset: 0, max, sort: "name", order: "asc" },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
