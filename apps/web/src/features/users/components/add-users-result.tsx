import { packageById, type CreateUsersResult, type User } from "@partner-hub/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import { Truncate } from "../../../components/ui/truncate.tsx";
import { paths } from "../../../config/paths.ts";
import { problemText } from "../../../lib/problem-message.ts";
import { formatPhoneNumber } from "../../../lib/phone.ts";

const ROW_FIELD_PATH = /^users\.(\d+)\.([A-Za-z]+)$/;
const optional = (value: string | null) =>
  value ? <Truncate text={value} /> : <span className="muted">—</span>;

export function AddUsersResult({
  customerId,
  result,
}: {
  customerId: string;
  result: CreateUsersResult;
}) {
  const { t } = useTranslation();
  const columns = useMemo<Column<User>[]>(
    () => [
      {
        id: "name",
        header: t("users.columns.name"),
        width: "22%",
        priority: 1,
        cell: (u) => (
          <Link to={paths.controlHub.user.getHref(customerId, u.id)} className="table-link">
            <span className="truncate">{u.displayName}</span>
          </Link>
        ),
      },
      {
        id: "email",
        header: t("users.columns.email"),
        width: "26%",
        priority: 1,
        cell: (u) => <Truncate text={u.email} />,
      },
      {
        id: "package",
        header: t("users.columns.package"),
        width: "16%",
        cell: (u) => <Truncate text={packageById(u.package).displayName} />,
      },
      {
        id: "phoneNumber",
        header: t("users.columns.phoneNumber"),
        width: "14%",
        priority: 3,
        cell: (u) => optional(u.phoneNumber && formatPhoneNumber(u.phoneNumber)),
      },
      {
        id: "extension",
        header: t("users.columns.extension"),
        width: "9%",
        priority: 3,
        cell: (u) => optional(u.extension),
      },
      {
        id: "location",
        header: t("users.columns.location"),
        cell: (u) => optional(u.locationName),
      },
    ],
    [t, customerId],
  );

  return (
    <div className="stack">
      <p className="alert alert--success" role="status">
        {t("addUsers.resultTitle", { count: result.items.length })}
      </p>
      {result.warnings.length > 0 && (
        <section className="alert alert--warning" aria-labelledby="add-users-warnings">
          <h3 id="add-users-warnings" className="section-title">
            {t("addUsers.warningsTitle")}
          </h3>
          <ul className="plain-list">
            {result.warnings.map((w, i) => {
              const match = w.field ? ROW_FIELD_PATH.exec(w.field) : null;
              const index = match ? Number(match[1]) : w.row !== undefined ? w.row - 1 : -1;
              const user = result.items[index];
              const message = problemText(t, w, match?.[2] ?? null);
              return (
                <li key={i}>
                  {user ? t("addUsers.warningFor", { user: user.displayName, message }) : message}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <DataTable
        label={t("addUsers.resultTable")}
        minWidth="40rem"
        columns={columns}
        rows={result.items}
        getRowKey={(u) => u.id}
      />
    </div>
  );
}
