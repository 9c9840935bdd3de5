import type { Location } from "@partner-hub/shared";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import { ListResults } from "../../../components/ui/list-results.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { Truncate } from "../../../components/ui/truncate.tsx";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { formatCountry, formatNumber } from "../../../lib/format.ts";
import { toOffsetQuery, type ListSpec } from "../../../lib/list-url-state.ts";
import { useLocations } from "../api/get-locations.ts";
import { DeleteLocationDialog } from "./delete-location-dialog.tsx";
import { LocationFormDialog } from "./location-form-dialog.tsx";

// The locations endpoint pages but does not sort or filter (yet): the name order is the API's.
const locationsListSpec: ListSpec<"name", Record<string, never>> = {
  sorts: ["name"],
  defaultSort: "name",
  defaultOrder: "asc",
  filters: {},
};

/**
 * The customer's locations; where the customer can change, each row can be edited or deleted
 * and a new one added (spec §11).
 */
export function LocationsList({
  customerId,
  canChange,
  adding,
  onAddClosed,
}: {
  customerId: string;
  canChange: boolean;
  adding: boolean;
  onAddClosed: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Location | null>(null);
  const [deleting, setDeleting] = useState<Location | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { state, update } = useListUrlState(locationsListSpec);
  const locations = useLocations(customerId, toOffsetQuery(state));
  const data = locations.data;
  const lang = i18n.language;

  const columns = useMemo<Column<Location>[]>(
    () => [
      {
        id: "name",
        header: t("locations.columns.name"),
        width: "20%",
        priority: 1,
        cell: (l) => <Truncate text={l.name} />,
      },
      {
        id: "address",
        header: t("locations.columns.address"),
        cell: (l) => (
          <Truncate text={`${l.address.street}, ${l.address.postalCode} ${l.address.city}`} />
        ),
      },
      {
        id: "country",
        header: t("locations.columns.country"),
        width: "12%",
        cell: (l) => <Truncate text={formatCountry(l.address.country, lang)} />,
      },
      {
        id: "timeZone",
        header: t("locations.columns.timeZone"),
        width: "16%",
        priority: 3,
        cell: (l) => <Truncate text={l.timeZone} />,
      },
      {
        id: "users",
        header: t("locations.columns.users"),
        width: "7rem",
        align: "end",
        cell: (l) => formatNumber(l.userCount, lang),
      },
      ...(canChange
        ? [
            {
              id: "actions",
              header: t("locations.columns.actions"),
              width: "13rem",
              priority: 1 as const,
              cell: (l: Location) => (
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t("locations.editLabel", { name: l.name })}
                    onClick={() => setEditing(l)}
                  >
                    {t("locations.edit")}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t("locations.deleteLabel", { name: l.name })}
                    onClick={() => setDeleting(l)}
                  >
                    {t("locations.delete")}
                  </button>
                </div>
              ),
            } satisfies Column<Location>,
          ]
        : []),
    ],
    [t, lang, canChange],
  );

  return (
    <>
      {done && (
        <div className="alert alert--success page-alert" role="status">
          {done}
        </div>
      )}
      <div className="list">
        <ListResults
          query={locations}
          paging={{ state, update }}
          empty={<EmptyState title={t("locations.empty")} hint={t("locations.emptyHint")} />}
        >
          <DataTable
            label={t("locations.tableLabel")}
            minWidth={canChange ? "52rem" : "36rem"}
            columns={columns}
            rows={data?.items}
            getRowKey={(l) => l.id}
            isLoading={locations.isPending}
            isStale={locations.isPlaceholderData}
            skeletonRows={5}
          />
        </ListResults>
      </div>
      {canChange && (
        <>
          <LocationFormDialog
            customerId={customerId}
            location={editing}
            open={adding || editing !== null}
            onClose={() => {
              setEditing(null);
              onAddClosed();
            }}
            onSaved={(saved) => {
              setEditing(null);
              onAddClosed();
              setDone(t("locations.saved", { name: saved.name }));
            }}
          />
          <DeleteLocationDialog
            customerId={customerId}
            location={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(deleted) => {
              setDeleting(null);
              setDone(t("locations.deleted", { name: deleted.name }));
            }}
          />
        </>
      )}
    </>
  );
}
