/** The demo sign-ins seeded on first start (spec §10), one per role. */
export const DEMO_PASSWORD = "partnerhub-demo";

export const DEMO_ACCOUNTS = {
  partnerFullAdmin: "full.admin@partner.example",
  partnerAdmin: "admin@partner.example",
  partnerReadonlyAdmin: "readonly@partner.example",
  customerAdmin: "admin@customer.example",
  secondCustomerAdmin: "admin@norrsken.example",
} as const;

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;
