/**
 * Every route of the SPA, in one place. `path` is the router pattern; `getHref` builds a link.
 */
export const paths = {
  home: {
    path: "/",
    getHref: () => "/",
  },
  signIn: {
    path: "/sign-in",
    /** `sessionEnded`: the server ended the session; the page says so. */
    getHref: (redirectTo?: string | null, { sessionEnded = false } = {}) => {
      const params = new URLSearchParams();
      if (redirectTo) params.set("redirectTo", redirectTo);
      if (sessionEnded) params.set("reason", "session-ended");
      const query = params.toString();
      return query ? `/sign-in?${query}` : "/sign-in";
    },
  },
  forgotPassword: {
    path: "/forgot-password",
    getHref: () => "/forgot-password",
  },
  invitation: {
    path: "/invitations/:token",
    getHref: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  },
  passwordReset: {
    path: "/password-resets/:token",
    getHref: (token: string) => `/password-resets/${encodeURIComponent(token)}`,
  },
  account: {
    path: "/account",
    getHref: () => "/account",
  },
  partner: {
    root: {
      path: "/partner",
      getHref: () => "/partner",
    },
    customers: {
      path: "/partner/customers",
      getHref: () => "/partner/customers",
    },
    createCustomer: {
      path: "/partner/customers/new",
      getHref: () => "/partner/customers/new",
    },
    admins: {
      path: "/partner/administrators",
      getHref: () => "/partner/administrators",
    },
    audit: {
      path: "/partner/audit",
      getHref: () => "/partner/audit",
    },
  },
  controlHub: {
    root: {
      path: "/customers/:customerId",
      getHref: (customerId: string) => `/customers/${encodeURIComponent(customerId)}`,
    },
    admins: {
      path: "/customers/:customerId/administrators",
      getHref: (customerId: string) =>
        `/customers/${encodeURIComponent(customerId)}/administrators`,
    },
    users: {
      path: "/customers/:customerId/users",
      getHref: (customerId: string) => `/customers/${encodeURIComponent(customerId)}/users`,
    },
    addUsers: {
      path: "/customers/:customerId/users/add",
      getHref: (customerId: string) => `/customers/${encodeURIComponent(customerId)}/users/add`,
    },
    importUsers: {
      path: "/customers/:customerId/users/import",
      getHref: (customerId: string) => `/customers/${encodeURIComponent(customerId)}/users/import`,
    },
    user: {
      path: "/customers/:customerId/users/:userId",
      getHref: (customerId: string, userId: string) =>
        `/customers/${encodeURIComponent(customerId)}/users/${encodeURIComponent(userId)}`,
    },
    locations: {
      path: "/customers/:customerId/locations",
      getHref: (customerId: string) => `/customers/${encodeURIComponent(customerId)}/locations`,
    },
    settings: {
      path: "/customers/:customerId/settings",
      getHref: (customerId: string) => `/customers/${encodeURIComponent(customerId)}/settings`,
    },
    audit: {
      path: "/customers/:customerId/audit",
      getHref: (customerId: string) => `/customers/${encodeURIComponent(customerId)}/audit`,
    },
    tasks: {
      path: "/customers/:customerId/tasks",
      getHref: (customerId: string) => `/customers/${encodeURIComponent(customerId)}/tasks`,
    },
    task: {
      path: "/customers/:customerId/tasks/:importId",
      getHref: (customerId: string, importId: string) =>
        `/customers/${encodeURIComponent(customerId)}/tasks/${encodeURIComponent(importId)}`,
    },
  },
} as const;

/**
 * Where a sign-in may send the person back to: only a path inside this app, never another
 * origin ("//evil.example" or "https://…"), and never back to the sign-in page itself.
 */
export function safeRedirectTarget(redirectTo: string | null | undefined): string | null {
  if (!redirectTo) return null;
  if (!redirectTo.startsWith("/") || redirectTo.startsWith("//") || redirectTo.startsWith("/\\"))
    return null;
  if (redirectTo === paths.signIn.path || redirectTo.startsWith(`${paths.signIn.path}?`))
    return null;
  return redirectTo;
}
