import { FIELD_LIMITS, packageById, type Location, type PackageId } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { FormField, type FieldMessage } from "../../../components/ui/form-field.tsx";
import { formatNumber } from "../../../lib/format.ts";
import {
  visibleFields,
  type RowField,
  type RowIssues,
  type UserRowDraft,
} from "../add-users-form.ts";
import { problemText } from "../../../lib/problem-message.ts";
import { LocationSelect } from "./location-select.tsx";

/** The DOM id of one field of one row, so summaries can link to it and focus can move to it. */
export function rowFieldId(rowKey: string, field: RowField): string {
  return `add-user-${rowKey}-${field}`;
}

export function AddUserRow({
  row,
  index,
  issues,
  packages,
  freeSeats,
  locations,
  canRemove,
  onChange,
  onRemove,
}: {
  row: UserRowDraft;
  index: number;
  issues: RowIssues | undefined;
  packages: readonly PackageId[];
  freeSeats: ReadonlyMap<PackageId, number>;
  locations: readonly Location[];
  canRemove: boolean;
  onChange: (patch: Partial<UserRowDraft>) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const shown = visibleFields(row.package);
  const n = index + 1;
  const messages = (field: RowField): FieldMessage[] =>
    (issues?.[field] ?? []).map((issue) => ({
      text: problemText(t, issue, field),
      severity: issue.severity,
    }));
  const text = (
    field: "firstName" | "lastName" | "email" | "phoneNumber" | "extension" | "preferredWebexSite",
    label: string,
    options: {
      type?: string;
      maxLength: number;
      autoComplete?: string;
      placeholder?: string;
      inputMode?: "tel" | "numeric";
    },
  ) => (
    <FormField
      id={rowFieldId(row.key, field)}
      label={label}
      messages={messages(field)}
      className={`add-row__${field}`}
    >
      {(control) => (
        <input
          {...control}
          className="input"
          type={options.type ?? "text"}
          value={row[field]}
          maxLength={options.maxLength}
          autoComplete={options.autoComplete ?? "off"}
          placeholder={options.placeholder}
          inputMode={options.inputMode}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <fieldset className="add-row">
      <legend className="add-row__legend">{t("addUsers.rowLabel", { n })}</legend>
      {canRemove && (
        <button
          type="button"
          className="button button--ghost button--small add-row__remove"
          aria-label={t("addUsers.removeUser", { n })}
          onClick={onRemove}
        >
          {t("addUsers.remove")}
        </button>
      )}
      <div className="add-row__grid">
        {text("firstName", t("user.firstName"), { maxLength: FIELD_LIMITS.name })}
        {text("lastName", t("user.lastName"), { maxLength: FIELD_LIMITS.name })}
        {text("email", t("user.email"), { type: "email", maxLength: FIELD_LIMITS.email })}
        <FormField
          id={rowFieldId(row.key, "package")}
          label={t("user.package")}
          messages={messages("package")}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={row.package}
              onChange={(e) =>
                onChange({ package: packages.find((p) => p === e.target.value) ?? "" })
              }
            >
              <option value="">{t("addUsers.choosePackage")}</option>
              {packages.map((id) => {
                const name = packageById(id).displayName;
                const free = freeSeats.get(id) ?? 0;
                return (
                  <option key={id} value={id}>
                    {free > 0
                      ? t("addUsers.packageOption", {
                          name,
                          free: formatNumber(free, i18n.language),
                        })
                      : t("addUsers.packageOptionFull", { name })}
                  </option>
                );
              })}
            </select>
          )}
        </FormField>
        {shown.calling && (
          <>
            {text("phoneNumber", t("user.phoneNumber"), {
              type: "tel",
              maxLength: 32,
              placeholder: t("addUsers.phonePlaceholder"),
              inputMode: "tel",
            })}
            {text("extension", t("user.extension"), {
              maxLength: FIELD_LIMITS.extension,
              inputMode: "numeric",
            })}
            <FormField
              id={rowFieldId(row.key, "locationId")}
              label={t("user.location")}
              messages={messages("locationId")}
            >
              {(control) => (
                <LocationSelect
                  {...control}
                  locations={locations}
                  value={row.locationId}
                  onChange={(locationId) => onChange({ locationId })}
                />
              )}
            </FormField>
          </>
        )}
        {shown.meetings &&
          text("preferredWebexSite", t("user.preferredWebexSite"), {
            maxLength: FIELD_LIMITS.site,
            placeholder: t("addUsers.sitePlaceholder"),
          })}
      </div>
    </fieldset>
  );
}
