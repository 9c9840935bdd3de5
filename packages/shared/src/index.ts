export * from "./catalogue/packages.ts";
export * from "./catalogue/base-licences.ts";
export * from "./schemas/pagination.ts";
export * from "./schemas/problem.ts";
export * from "./schemas/auth.ts";
export * from "./schemas/customers.ts";
export * from "./schemas/users.ts";
export * from "./schemas/audit.ts";
