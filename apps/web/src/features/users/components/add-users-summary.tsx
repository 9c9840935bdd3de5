import { packageById, type Location } from "@partner-hub/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import { Truncate } from "../../../components/ui/truncate.tsx";
import { toNewUserInput, type UserRowDraft } from "../add-users-form.ts";
import { formatPhoneNumber } from "../../../lib/phone.ts";

type SummaryRow = ReturnType<typeof toNewUserInput> & { key: string; n: number };

const optional = (value: string | null | undefined) =>
  value ? <Truncate text={value} /> : <span className="muted">—</span>;

/** Exactly what will be sent: hidden fields are already gone. */
export function AddUsersSummary({
  rows,
  rowKeys,
  locations,
}: {
  rows: readonly UserRowDraft[];
  /** Stable keys of the rows (the form's field array ids). */
  rowKeys: readonly string[];
  locations: readonly Location[];
}) {
  const { t } = useTranslation();
  const locationName = useMemo(() => new Map(locations.map((l) => [l.id, l.name])), [locations]);
  const data = useMemo<SummaryRow[]>(
    () => rows.map((r, i) => ({ ...toNewUserInput(r), key: rowKeys[i] ?? String(i), n: i + 1 })),
    [rows, rowKeys],
  );
  const columns = useMemo<Column<SummaryRow>[]>(
    () => [
      { id: "n", header: "#", width: "3rem", priority: 1, cell: (r) => r.n },
      {
        id: "name",
        header: t("users.columns.name"),
        width: "15%",
        priority: 1,
        // At most 25 rows to check before adding them: names and emails wrap, never cut short.
        cell: (r) => (
          <span className="cell-wrap">{`${r.firstName.trim()} ${r.lastName.trim()}`}</span>
        ),
      },
      {
        id: "email",
        header: t("users.columns.email"),
        width: "26%",
        priority: 1,
        cell: (r) => <span className="cell-wrap">{r.email.trim()}</span>,
      },
      {
        id: "package",
        header: t("users.columns.package"),
        width: "12%",
        cell: (r) => <Truncate text={packageById(r.package).displayName} />,
      },
      {
        id: "phoneNumber",
        header: t("users.columns.phoneNumber"),
        width: "9.5rem",
        priority: 3,
        cell: (r) => optional(r.phoneNumber && formatPhoneNumber(r.phoneNumber)),
      },
      {
        id: "extension",
        header: t("users.columns.extension"),
        width: "5.5rem",
        priority: 3,
        cell: (r) => optional(r.extension),
      },
      {
        id: "location",
        header: t("users.columns.location"),
        priority: 3,
        cell: (r) =>
          optional(r.locationId ? (locationName.get(r.locationId) ?? r.locationId) : null),
      },
      {
        id: "site",
        header: t("user.preferredWebexSite"),
        priority: 3,
        cell: (r) => optional(r.preferredWebexSite),
      },
    ],
    [t, locationName],
  );
  return (
    <div className="stack">
      <p>{t("addUsers.summaryIntro", { count: rows.length })}</p>
      <DataTable
        label={t("addUsers.summaryTable")}
        minWidth="40rem"
        columns={columns}
        rows={data}
        getRowKey={(r) => r.key}
      />
    </div>
  );
}
