import {
  BASE_LICENCES,
  FIELD_LIMITS,
  packageById,
  type Location,
  type ProblemError,
  type User,
  type WebexSite,
} from "@partner-hub/shared";
import { useId, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormField, type FieldMessage } from "../../../components/ui/form-field.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { formatPhoneNumber } from "../../../lib/phone.ts";
import { problemText } from "../../../lib/problem-message.ts";
import { conflictingUser } from "../api/change-package.ts";
import { useUpdateUser } from "../api/update-user.ts";
import {
  changedFields,
  editValuesOf,
  editWarnings,
  serverFieldErrors,
  toUpdateInput,
  userEditResolver,
  type EditField,
  type EditFieldError,
  type UserEditValues,
} from "../edit-user-form.ts";
import { LocationSelect } from "./location-select.tsx";
import { WebexSiteSelect } from "./webex-site-select.tsx";

export interface UserEdited {
  user: User;
  warnings: ProblemError[];
}

/**
 * Spec §13: the user's details opened for editing in place, validated by the shared
 * composition (validateUserEdit) through the form's resolver, saved with If-Match. When someone
 * else saved first (412), the current details are shown beside what the admin typed, with a way
 * to apply the typed values to the current version, or to take the current details instead.
 */
export function EditUserDetails({
  customerId,
  user,
  locations,
  webexSites,
  onCancel,
  onSaved,
}: {
  customerId: string;
  user: User;
  locations: readonly Location[];
  /** The customer's Webex sites: Preferred Webex site is chosen among them (spec §3). */
  webexSites: readonly WebexSite[];
  onCancel: () => void;
  onSaved: (edited: UserEdited) => void;
}) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const alertRef = useRef<HTMLDivElement>(null);
  const update = useUpdateUser(customerId, user.id);
  // The version the typing is based on: the loaded one, or the current one after a 412.
  const [base, setBase] = useState<User>(user);
  const [fresh, setFresh] = useState<User | null>(null);
  const siteNames = useMemo(() => webexSites.map((s) => s.name), [webexSites]);
  const resolver = useMemo(
    () => userEditResolver(base, locations, siteNames),
    [base, locations, siteNames],
  );
  const form = useForm<UserEditValues>({ defaultValues: editValuesOf(user), resolver });
  const values = useWatch({ control: form.control }) as UserEditValues;
  const pkg = packageById(user.package);
  const warnings = editWarnings(base, values, locations);
  const { errors } = form.formState;

  const messages = (field: EditField): FieldMessage[] => {
    const error = errors[field] as EditFieldError | undefined;
    const list: FieldMessage[] = error
      ? [{ text: problemText(t, error.issue, field), severity: "error" }]
      : [];
    for (const w of warnings)
      if (w.field === field) list.push({ text: problemText(t, w, field), severity: "warning" });
    return list;
  };
  const rootError = errors.root as EditFieldError | undefined;

  const focusAlert = () => requestAnimationFrame(() => alertRef.current?.focus());
  // Built per submit: re-applying submits against the current version before `base` re-renders.
  const submit = (version: number) =>
    void form.handleSubmit((typed) => {
      update.mutate(
        { version, input: toUpdateInput(typed) },
        {
          onSuccess: ({ warnings: saved, ...updated }) =>
            onSaved({ user: updated, warnings: saved }),
          onError: (error) => {
            const current = conflictingUser(error);
            if (current) setFresh(current);
            else if (isApiError(error) && error.problem.errors?.length) {
              for (const [field, e] of serverFieldErrors(error.problem.errors))
                form.setError(field, e);
            }
            focusAlert();
          },
        },
      );
    }, focusAlert)();

  // Re-apply: the fields the admin changed (against the version they started from) laid over
  // the current version, so what the other person changed and this admin did not stays.
  const reapply = () => {
    if (!fresh) return;
    const mine = changedFields(base, values);
    const next = editValuesOf(fresh);
    for (const field of mine) Object.assign(next, { [field]: values[field] });
    setBase(fresh);
    setFresh(null);
    update.reset();
    form.reset(next);
    submit(fresh.version);
  };
  const takeCurrent = () => {
    if (!fresh) return;
    setBase(fresh);
    form.reset(editValuesOf(fresh));
    setFresh(null);
    update.reset();
  };

  const hasErrors = Object.keys(errors).length > 0;
  const otherError =
    update.isError && !fresh && !(isApiError(update.error) && update.error.problem.errors?.length);
  const text = (
    field:
      "firstName" | "lastName" | "displayName" | "phoneNumber" | "extension" | "preferredWebexSite",
    label: string,
    options: {
      maxLength: number;
      type?: string;
      inputMode?: "tel" | "numeric";
      placeholder?: string;
    },
  ) => (
    <FormField id={`${idPrefix}-${field}`} label={label} messages={messages(field)}>
      {(control) => <input {...control} {...form.register(field)} className="input" {...options} />}
    </FormField>
  );

  return (
    <form
      className="edit-user stack"
      onSubmit={(e) => {
        e.preventDefault();
        submit(base.version);
      }}
      noValidate
    >
      {(fresh || hasErrors || otherError) && (
        <div ref={alertRef} tabIndex={-1} className="alert alert--error" role="alert">
          {fresh ? (
            <p>{t("editUser.conflict", { name: fresh.displayName })}</p>
          ) : otherError ? (
            <ErrorMessage error={update.error} />
          ) : (
            <p>{t("editUser.errors")}</p>
          )}
          {rootError && <p>{problemText(t, rootError.issue, null)}</p>}
        </div>
      )}

      {fresh && (
        <StaleVersion
          base={base}
          fresh={fresh}
          locations={locations}
          values={values}
          onReapply={reapply}
          onTakeCurrent={takeCurrent}
        />
      )}

      <div className="edit-user__grid">
        {text("firstName", t("user.firstName"), { maxLength: FIELD_LIMITS.name })}
        {text("lastName", t("user.lastName"), { maxLength: FIELD_LIMITS.name })}
        {text("displayName", t("user.displayName"), { maxLength: FIELD_LIMITS.name * 2 + 1 })}
        {pkg.calling && (
          <>
            {text("phoneNumber", t("user.phoneNumber"), {
              maxLength: 32,
              type: "tel",
              inputMode: "tel",
              placeholder: t("addUsers.phonePlaceholder"),
            })}
            {text("extension", t("user.extension"), {
              maxLength: FIELD_LIMITS.extension,
              inputMode: "numeric",
            })}
            <FormField
              id={`${idPrefix}-locationId`}
              label={t("user.location")}
              messages={messages("locationId")}
            >
              {(control) => (
                <LocationSelect
                  {...control}
                  locations={locations}
                  value={values.locationId}
                  onChange={(locationId) =>
                    form.setValue("locationId", locationId, { shouldDirty: true })
                  }
                />
              )}
            </FormField>
          </>
        )}
        {(pkg.meetings || user.preferredWebexSite) &&
          (webexSites.length > 0 ? (
            <FormField
              id={`${idPrefix}-preferredWebexSite`}
              label={t("user.preferredWebexSite")}
              messages={messages("preferredWebexSite")}
            >
              {(control) => (
                <WebexSiteSelect
                  {...control}
                  sites={webexSites}
                  current={base.preferredWebexSite}
                  {...form.register("preferredWebexSite")}
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
      <fieldset className="edit-user__licences">
        <legend className="field__label">{t("user.baseLicences")}</legend>
        {BASE_LICENCES.map((l) => (
          <label key={l.id} className="checkbox">
            <input type="checkbox" value={l.id} {...form.register("baseLicences")} />
            <span>{l.displayName}</span>
          </label>
        ))}
      </fieldset>
      <div className="edit-user__footer">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("editUser.cancel")}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={update.isPending || !!fresh}
        >
          {update.isPending ? t("editUser.saving") : t("editUser.save")}
        </button>
      </div>
    </form>
  );
}

/** The current details beside what the admin typed, field by field where they differ. */
function StaleVersion({
  base,
  fresh,
  locations,
  values,
  onReapply,
  onTakeCurrent,
}: {
  base: User;
  fresh: User;
  locations: readonly Location[];
  values: UserEditValues;
  onReapply: () => void;
  onTakeCurrent: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  // Fields either side changed since the version the admin started from.
  const mine = new Set(changedFields(base, values));
  const theirs = changedFields(base, editValuesOf(fresh));
  const fields = [...new Set([...theirs, ...mine])];
  const shown = (field: EditField, v: UserEditValues): string => {
    if (field === "baseLicences")
      return (
        BASE_LICENCES.filter((l) => v.baseLicences.includes(l.id))
          .map((l) => l.displayName)
          .join(", ") || t("user.noBaseLicences")
      );
    if (field === "locationId") return locations.find((l) => l.id === v.locationId)?.name ?? "—";
    if (field === "phoneNumber") return v.phoneNumber ? formatPhoneNumber(v.phoneNumber) : "—";
    return v[field] || "—";
  };
  const current = editValuesOf(fresh);
  return (
    <section className="fresh-data" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t("editUser.freshTitle")}
      </h3>
      {mine.size === 0 ? (
        <p>{t("editUser.sameAsYours")}</p>
      ) : (
        <table className="table compare-table">
          <thead>
            <tr>
              <th scope="col" className="table__head">
                {t("editUser.field")}
              </th>
              <th scope="col" className="table__head">
                {t("editUser.current")}
              </th>
              <th scope="col" className="table__head">
                {t("editUser.yours")}
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f} className="table__row">
                <th scope="row" className="table__cell">
                  {t(`editUser.fields.${f}`)}
                </th>
                <td className="table__cell">{shown(f, current)}</td>
                <td className="table__cell">
                  {mine.has(f) ? (
                    shown(f, values)
                  ) : (
                    <span className="muted">{t("editUser.notChanged")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="edit-user__footer">
        <button type="button" className="button button--ghost" onClick={onTakeCurrent}>
          {t("editUser.takeCurrent")}
        </button>
        <button type="button" className="button button--primary" onClick={onReapply}>
          {t("editUser.reapply")}
        </button>
      </div>
    </section>
  );
}
