import { useState } from "react";
import { Navigate, createBrowserRouter, useParams } from "react-router";
// The DOM build of the provider: it can flush a navigation synchronously (used by sign-out).
import { RouterProvider } from "react-router/dom";
import { PageSpinner } from "../components/ui/states.tsx";
import { paths } from "../config/paths.ts";
import { RequireAuth } from "../features/auth/components/require-auth.tsx";
import { LiveRouterContext } from "../hooks/use-is-leaving.ts";
import { AppLayout } from "./layouts/app-layout.tsx";
import { RouteError } from "./routes/route-error.tsx";

function ControlHubIndex() {
  return <Navigate to={paths.controlHub.users.getHref(useParams().customerId ?? "")} replace />;
}

// Pages load lazily so the first paint (sign-in) does not wait for every feature.
function createRouter() {
  return createBrowserRouter([
    {
      path: paths.signIn.path,
      lazy: async () => ({ Component: (await import("./routes/sign-in.tsx")).SignInRoute }),
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSpinner />,
    },
    {
      path: paths.forgotPassword.path,
      lazy: async () => ({
        Component: (await import("./routes/forgot-password.tsx")).ForgotPasswordRoute,
      }),
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSpinner />,
    },
    {
      path: paths.invitation.path,
      lazy: async () => ({ Component: (await import("./routes/invitation.tsx")).InvitationRoute }),
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSpinner />,
    },
    {
      path: paths.passwordReset.path,
      lazy: async () => ({
        Component: (await import("./routes/password-reset.tsx")).PasswordResetRoute,
      }),
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSpinner />,
    },
    {
      path: paths.home.path,
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSpinner />,
      children: [
        {
          index: true,
          lazy: async () => ({ Component: (await import("./routes/home.tsx")).HomeRoute }),
        },
        {
          path: paths.account.path,
          lazy: async () => ({ Component: (await import("./routes/account.tsx")).AccountRoute }),
        },
        {
          path: paths.partner.root.path,
          lazy: async () => ({
            Component: (await import("./layouts/partner-layout.tsx")).PartnerLayout,
          }),
          children: [
            { index: true, element: <Navigate to={paths.partner.customers.getHref()} replace /> },
            {
              path: paths.partner.customers.path,
              lazy: async () => ({
                Component: (await import("./routes/partner/customers.tsx")).CustomersRoute,
              }),
            },
            {
              path: paths.partner.createCustomer.path,
              lazy: async () => ({
                Component: (await import("./routes/partner/create-customer.tsx"))
                  .CreateCustomerRoute,
              }),
            },
            {
              path: paths.partner.admins.path,
              lazy: async () => ({
                Component: (await import("./routes/partner/admins.tsx")).PartnerAdminsRoute,
              }),
            },
            {
              path: paths.partner.audit.path,
              lazy: async () => ({
                Component: (await import("./routes/partner/audit.tsx")).PartnerAuditRoute,
              }),
            },
          ],
        },
        {
          path: paths.controlHub.root.path,
          lazy: async () => ({
            Component: (await import("./layouts/control-hub-layout.tsx")).ControlHubLayout,
          }),
          children: [
            { index: true, element: <ControlHubIndex /> },
            {
              path: paths.controlHub.users.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/users.tsx")).UsersRoute,
              }),
            },
            {
              path: paths.controlHub.addUsers.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/add-users.tsx")).AddUsersRoute,
              }),
            },
            {
              path: paths.controlHub.importUsers.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/import-users.tsx")).ImportUsersRoute,
              }),
            },
            {
              path: paths.controlHub.importPreview.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/import-preview.tsx"))
                  .ImportPreviewRoute,
              }),
            },
            {
              path: paths.controlHub.user.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/user.tsx")).UserRoute,
              }),
            },
            {
              path: paths.controlHub.locations.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/locations.tsx")).LocationsRoute,
              }),
            },
            {
              path: paths.controlHub.settings.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/settings.tsx")).SettingsRoute,
              }),
            },
            {
              path: paths.controlHub.admins.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/admins.tsx")).CustomerAdminsRoute,
              }),
            },
            {
              path: paths.controlHub.audit.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/audit.tsx")).AuditRoute,
              }),
            },
            {
              path: paths.controlHub.tasks.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/tasks.tsx")).TasksRoute,
              }),
            },
            {
              path: paths.controlHub.task.path,
              lazy: async () => ({
                Component: (await import("./routes/control-hub/task.tsx")).TaskRoute,
              }),
            },
          ],
        },
        {
          path: "*",
          lazy: async () => ({ Component: (await import("./routes/not-found.tsx")).NotFoundRoute }),
        },
      ],
    },
  ]);
}

export function AppRouter() {
  const [router] = useState(createRouter);
  return (
    <LiveRouterContext.Provider value={router}>
      <RouterProvider router={router} />
    </LiveRouterContext.Provider>
  );
}
