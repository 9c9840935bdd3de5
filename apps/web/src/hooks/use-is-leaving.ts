import { createContext, useCallback, useContext } from "react";
import type { createBrowserRouter } from "react-router";

type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * The app's router itself. `useNavigation()` is React state: the router sets it the moment a
 * navigation starts, but React renders it later (in a transition), so a timer firing in between
 * still sees "idle". Code that must not act once the person has clicked away (a search's
 * pending commit) reads the router's live state through this instead.
 */
export const LiveRouterContext = createContext<AppRouter | null>(null);

/** Asks, at the moment of calling, whether a navigation away from `pathname` is under way. */
export function useIsLeaving(): (pathname: string) => boolean {
  const router = useContext(LiveRouterContext);
  return useCallback(
    (pathname: string) => {
      const navigation = router?.state.navigation;
      return Boolean(
        navigation &&
        navigation.state !== "idle" &&
        navigation.location &&
        navigation.location.pathname !== pathname,
      );
    },
    [router],
  );
}
