import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { getMeQueryOptions, meQueryKey } from "../features/auth/api/get-me.ts";
import { markSessionEnded } from "../features/auth/session-ended.ts";
import { setCsrfTokenRefresher } from "../lib/api-client.ts";
import { i18n } from "../lib/i18n.ts";
import { createQueryClient } from "../lib/react-query.ts";

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient(() => {
      // The session ended under us: RequireAuth sees "no one" and sends the person to sign in,
      // with a link back to where they were and a word on why.
      if (client.getQueryData(meQueryKey)) markSessionEnded();
      client.setQueryData(meQueryKey, null);
    });
    setCsrfTokenRefresher(async () => {
      const me = await client.fetchQuery({ ...getMeQueryOptions(), staleTime: 0 });
      return me?.csrfToken ?? null;
    });
    return client;
  });
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
