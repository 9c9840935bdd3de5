import {
  FIELD_LIMITS,
  packageById,
  type Location,
  type PackageId,
  type WebexSite,
} from "@partner-hub/shared";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormField, type FieldMessage } from "../../../components/ui/form-field.tsx";
import { formatNumber } from "../../../lib/format.ts";
import { visibleFields, type RowField, type RowIssues } from "../add-users-form.ts";
import type { AddUsersValues } from "../add-users-resolver.ts";
import { problemText } from "../../../lib/problem-message.ts";
import { LocationSelect } from "./location-select.tsx";
import { WebexSiteSelect } from "./webex-site-select.tsx";

/** The DOM id of one field of one row, so summaries can link to it and focus can move to it. */
export function rowFieldId(rowId: string, field: RowField): string {
  return `add-user-${rowId}-${field}`;
}

/**
 * One user of the wizard: the fields of `users.<index>` in the wizard's form (react-hook-form
 * context). `rowId` is the field array's stable id, for DOM ids that survive removing a row.
 */
export function AddUserRow({
  rowId,
  index,
  issues,
  packages,
  freeSeats,
  locations,
  webexSites,
  canRemove,
  onEdit,
  onRemove,
}: {
  rowId: string;
  index: number;
  issues: RowIssues | undefined;
  packages: readonly PackageId[];
  freeSeats: ReadonlyMap<PackageId, number>;
  locations: readonly Location[];
  /** The customer's Webex sites; without any, the site is typed. */
  webexSites: readonly WebexSite[];
  canRemove: boolean;
  /** The person changed this field: its old messages go. */
  onEdit: (field: RowField) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { control, register } = useFormContext<AddUsersValues>();
  const pkg = useWatch({ control, name: `users.${index}.package` });
  const shown = visibleFields(pkg);
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
      id={rowFieldId(rowId, field)}
      label={label}
      messages={messages(field)}
      className={`add-row__${field}`}
    >
      {(control) => (
        <input
          {...control}
          className="input"
          type={options.type ?? "text"}
          maxLength={options.maxLength}
          autoComplete={options.autoComplete ?? "off"}
          placeholder={options.placeholder}
          inputMode={options.inputMode}
          {...register(`users.${index}.${field}`, { onChange: () => onEdit(field) })}
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
          id={rowFieldId(rowId, "package")}
          label={t("user.package")}
          messages={messages("package")}
        >
          {(aria) => (
            <Controller
              control={control}
              name={`users.${index}.package`}
              render={({ field }) => (
                <select
                  {...aria}
                  ref={field.ref}
                  name={field.name}
                  className="select"
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(e) => {
                    field.onChange(packages.find((p) => p === e.target.value) ?? "");
                    onEdit("package");
                  }}
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
            />
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
              id={rowFieldId(rowId, "locationId")}
              label={t("user.location")}
              messages={messages("locationId")}
            >
              {(aria) => (
                <Controller
                  control={control}
                  name={`users.${index}.locationId`}
                  render={({ field }) => (
                    <LocationSelect
                      {...aria}
                      name={field.name}
                      locations={locations}
                      value={field.value}
                      onBlur={field.onBlur}
                      onChange={(locationId) => {
                        field.onChange(locationId);
                        onEdit("locationId");
                      }}
                    />
                  )}
                />
              )}
            </FormField>
          </>
        )}
        {shown.meetings &&
          (webexSites.length > 0 ? (
            <FormField
              id={rowFieldId(rowId, "preferredWebexSite")}
              label={t("user.preferredWebexSite")}
              messages={messages("preferredWebexSite")}
              className="add-row__preferredWebexSite"
            >
              {(aria) => (
                <WebexSiteSelect
                  {...aria}
                  sites={webexSites}
                  {...register(`users.${index}.preferredWebexSite`, {
                    onChange: () => onEdit("preferredWebexSite"),
                  })}
                />
              )}
            </FormField>
          ) : (
            text("preferredWebexSite", t("user.preferredWebexSite"), {
              maxLength: FIELD_LIMITS.site,
              placeholder: t("addUsers.sitePlaceholder"),
            })
          ))}
      </div>
    </fieldset>
  );
}
