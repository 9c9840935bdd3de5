import type { Location } from "@partner-hub/shared";
import type { SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/**
 * The customer's locations as a select. With exactly one location it is the only choice (the
 * rules default to it); otherwise the admin must pick one.
 */
export function LocationSelect({
  locations,
  value,
  onChange,
  ...control
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  locations: readonly Location[];
  value: string;
  onChange: (locationId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      {...control}
      className="select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {locations.length !== 1 && <option value="">{t("addUsers.chooseLocation")}</option>}
      {locations.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
