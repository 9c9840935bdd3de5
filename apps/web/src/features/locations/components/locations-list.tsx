import type { Location } from "@partner-hub/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import { ListResults } from "../../../components/ui/list-results.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { Truncate } from "../../../components/ui/truncate.tsx";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { formatCountry, formatNumber } from "../../../lib/format.ts";
import { toOffsetQuery, type ListSpec } from "../../../lib/list-url-state.ts";
import { useLocations } from "../api/get-locations.ts";

// The locations endpoint pages but does not sort or filter (yet): the name order is the API's.
const locationsListSpec: ListSpec<"name", Record<string, never>> = {
  sorts: ["name"],
  defaultSort: "name",
  defaultOrder: "asc",
  filters: {},
};

export function LocationsList({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { state, update } = useListUrlState(locationsListSpec);
  const locations = useLocations(customerId, toOffsetQuery(state));
  const data = locations.data;
  const lang = i18n.language;

  const columns = useMemo<Column<Location>[]>(
    () => [
      {
        id: "name",
        header: t("locations.columns.name"),
        width: "28%",
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
        width: "16%",
        cell: (l) => <Truncate text={formatCountry(l.address.country, lang)} />,
      },
      {
        id: "users",
        header: t("locations.columns.users"),
        width: "10%",
        align: "end",
        cell: (l) => formatNumber(l.userCount, lang),
      },
    ],
    [t, lang],
  );

  return (
    <div className="list">
      <ListResults
        query={locations}
        paging={{ state, update }}
        empty={<EmptyState title={t("locations.empty")} hint={t("locations.emptyHint")} />}
      >
        <DataTable
          label={t("locations.tableLabel")}
          minWidth="36rem"
          columns={columns}
          rows={data?.items}
          getRowKey={(l) => l.id}
          isLoading={locations.isPending}
          isStale={locations.isPlaceholderData}
          skeletonRows={5}
        />
      </ListResults>
    </div>
  );
}
