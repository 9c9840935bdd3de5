import type { Admin } from "@partner-hub/shared";

/** The columns an administrator's JSON is made of. */
export const ADMIN_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  lastSignInAt: true,
  assignedCustomerCount: true,
  partnerId: true,
  customerId: true,
  createdAt: true,
} as const;

export interface AdminRow {
  id: string;
  email: string;
  name: string;
  role: Admin["role"];
  status: Admin["status"];
  lastSignInAt: Date | null;
  assignedCustomerCount: number;
  partnerId: string | null;
  customerId: string | null;
  createdAt: Date;
}

export function adminJson(a: AdminRow): Admin {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    status: a.status,
    lastSignInAt: a.lastSignInAt?.toISOString() ?? null,
    customerCount: a.role === "partner_admin" ? a.assignedCustomerCount : null,
    customerId: a.role === "customer_full_admin" ? a.customerId : null,
    createdAt: a.createdAt.toISOString(),
  };
}
