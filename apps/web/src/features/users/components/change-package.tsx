import {
  FIELD_LIMITS,
  defaultWebexSiteOf,
  packageById,
  type Customer,
  type Location,
  type ProblemError,
  type User,
} from "@partner-hub/shared";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { FormField, type FieldMessage } from "../../../components/ui/form-field.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { formatNumber } from "../../../lib/format.ts";
import { conflictingUser, useChangePackage } from "../api/change-package.ts";
import {
  askedFields,
  asksWebexSite,
  hasChangeErrors,
  issuesFromChangeProblem,
  toChangePackageInput,
  type ChangeDraft,
  type ChangeField,
} from "../change-package-form.ts";
import {
  changePackageResolver,
  changeServerErrorEntries,
  fromChangeFormErrors,
  type ChangeFormContext,
} from "../change-package-resolver.ts";
import { problemText } from "../../../lib/problem-message.ts";
import { formatPhoneNumber } from "../../../lib/phone.ts";
import { ChevronIcon } from "../../../components/ui/chevron-icon.tsx";
import { LocationSelect } from "./location-select.tsx";
import { WebexSiteSelect } from "./webex-site-select.tsx";
import { useNextExtension } from "../api/get-next-extension.ts";
import "./change-package.css";

export interface PackageChanged {
  user: User;
  warnings: ProblemError[];
}

/**
 * The `>` of the Package section (spec §7) and the dialog it opens. The dialog needs the
 * customer's quotas and locations; until both are there the `>` shows, disabled, so the card
 * does not shift when they arrive.
 */
export function ChangePackage({
  user,
  customer,
  locations,
  onChanged,
}: {
  user: User;
  customer: Customer | undefined;
  locations: readonly Location[] | undefined;
  onChanged: (change: PackageChanged) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ready = customer !== undefined && locations !== undefined;
  return (
    <>
      <button
        type="button"
        className="icon-button icon-button--bordered"
        aria-label={t("changePackage.open")}
        title={ready ? t("changePackage.open") : t("changePackage.loading")}
        aria-haspopup="dialog"
        disabled={!ready}
        onClick={() => setOpen(true)}
      >
        <ChevronIcon direction="right" />
      </button>
      {ready && (
        <Dialog
          open={open}
          onClose={() => setOpen(false)}
          title={t("changePackage.title")}
          subtitle={t("changePackage.subtitle", { name: user.displayName })}
        >
          <ChangePackageForm
            user={user}
            customer={customer}
            locations={locations}
            onCancel={() => setOpen(false)}
            onChanged={(change) => {
              setOpen(false);
              onChanged(change);
            }}
          />
        </Dialog>
      )}
    </>
  );
}

function ChangePackageForm({
  user,
  customer,
  locations,
  onCancel,
  onChanged,
}: {
  user: User;
  customer: Customer;
  locations: readonly Location[];
  onCancel: () => void;
  onChanged: (change: PackageChanged) => void;
}) {
  const { t, i18n } = useTranslation();
  const change = useChangePackage(customer.id, user.id);
  const idPrefix = useId();
  const alertRef = useRef<HTMLDivElement>(null);
  const onlyLocation = locations.length === 1 ? (locations[0]?.id ?? "") : "";
  // The user is the live cache entry: after a 412 it is the fresh version, and the resolver
  // judges the change against it.
  const form = useForm<ChangeDraft, ChangeFormContext>({
    defaultValues: {
      package: user.package,
      phoneNumber: "",
      extension: "",
      locationId: user.locationId ?? onlyLocation,
      // Spec §3: the user's own site, else the customer's default.
      preferredWebexSite: user.preferredWebexSite ?? defaultWebexSiteOf(customer.webexSites) ?? "",
    },
    resolver: changePackageResolver,
    context: {
      user,
      locations,
      quotas: customer.quotas,
      webexSites: customer.webexSites.map((s) => s.name),
    },
    // Judged on "Change" only; the alert takes focus, as in the wizard.
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const draftPackage = useWatch({ control: form.control, name: "package" });
  const issues = fromChangeFormErrors(form.formState.errors);
  const [conflict, setConflict] = useState(false);

  const asked = askedFields(user, draftPackage);
  const chosen = packageById(draftPackage);
  const current = packageById(user.package);
  const unchanged = draftPackage === user.package;
  const seats = new Map(
    customer.quotas.map((q) => [q.package, Math.max(0, q.maxUsers - q.assignedUsers)]),
  );

  // The extension to suggest: the next free one where the user's number will live.
  const draftLocation = useWatch({ control: form.control, name: "locationId" });
  const draftExtension = useWatch({ control: form.control, name: "extension" });
  const suggestAt = asked.numbers
    ? (asked.location ? draftLocation : (user.locationId ?? "")) || null
    : null;
  const suggestion = useNextExtension(customer.id, suggestAt);
  const suggested = suggestion.data?.extension;
  const suggestAtName = locations.find((l) => l.id === suggestAt)?.name ?? "";

  // The calling fields appear below the packages, often below the dialog's fold: bring them
  // into view when they appear, so choosing a calling package visibly asks for more.
  const fieldsRef = useRef<HTMLDivElement>(null);
  const showsFields = asked.numbers || asked.location;
  useEffect(() => {
    if (!showsFields) return;
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    fieldsRef.current?.scrollIntoView({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
  }, [showsFields]);

  const shown = new Set<ChangeField>(["package"]);
  if (asked.numbers) shown.add("phoneNumber").add("extension");
  if (asked.location) shown.add("locationId");
  const asksSite = !unchanged && asksWebexSite(draftPackage) && customer.webexSites.length > 0;
  if (asksSite) shown.add("preferredWebexSite");
  const messages = (field: ChangeField): FieldMessage[] =>
    (issues.fields[field] ?? []).map((issue) => ({
      text: problemText(t, issue, field),
      severity: issue.severity,
    }));
  // An issue about a field that is not on screen is still said, at the top.
  const general = [
    ...issues.general.map((i) => problemText(t, i, null)),
    ...Object.entries(issues.fields)
      .filter(([field]) => !shown.has(field as ChangeField))
      .flatMap(([field, list]) => list.map((i) => problemText(t, i, field))),
  ];

  // The error summary links each field with an error to the field itself.
  const fieldIds: Record<ChangeField, string> = {
    package: `${idPrefix}-package`,
    phoneNumber: `${idPrefix}-phone`,
    extension: `${idPrefix}-extension`,
    locationId: `${idPrefix}-location`,
    preferredWebexSite: `${idPrefix}-site`,
  };
  const fieldLabels: Record<ChangeField, string> = {
    package: t("changePackage.legend"),
    phoneNumber: t("user.phoneNumber"),
    extension: t("user.extension"),
    locationId: t("user.location"),
    preferredWebexSite: t("user.preferredWebexSite"),
  };
  const summary = [...shown].flatMap((field) =>
    messages(field)
      .filter((m) => m.severity === "error")
      .map((m) => ({ field, text: m.text })),
  );
  const focusField = (field: ChangeField) => {
    const target =
      field === "package"
        ? document.querySelector<HTMLInputElement>(`#${CSS.escape(fieldIds.package)} input:checked`)
        : document.getElementById(fieldIds[field]);
    target?.focus();
  };

  /** A field the person edits loses its old messages. */
  const clearOnEdit = (field: ChangeField) => ({ onChange: () => form.clearErrors(field) });

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.handleSubmit(
      (draft) => {
        change.mutate(
          { version: user.version, input: toChangePackageInput(user, draft) },
          {
            onSuccess: ({ warnings, ...updated }) => onChanged({ user: updated, warnings }),
            onError: (error) => {
              setConflict(conflictingUser(error) !== null);
              if (isApiError(error) && error.status === 400 && error.problem.errors?.length) {
                form.clearErrors();
                const refused = issuesFromChangeProblem(error.problem.errors);
                for (const { name, error: fieldError } of changeServerErrorEntries(refused)) {
                  form.setError(name, fieldError);
                }
              }
              requestAnimationFrame(() => alertRef.current?.focus());
            },
          },
        );
      },
      () => requestAnimationFrame(() => alertRef.current?.focus()),
    )(event);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (unchanged) {
      event.preventDefault();
      return;
    }
    void submit(event);
  }

  const otherError =
    change.isError &&
    !conflict &&
    !(
      isApiError(change.error) &&
      change.error.status === 400 &&
      change.error.problem.errors?.length
    );
  const hasErrors = hasChangeErrors(issues);
  const dash = <span className="muted">—</span>;

  return (
    <form className="dialog__form" onSubmit={onSubmit} noValidate>
      <div className="dialog__body stack">
        {(conflict || hasErrors || otherError) && (
          <div ref={alertRef} tabIndex={-1} className="alert alert--error" role="alert">
            {conflict ? (
              <p>{t("changePackage.conflict", { name: user.displayName })}</p>
            ) : otherError ? (
              <ErrorMessage error={change.error} />
            ) : (
              <p>{t("changePackage.errors")}</p>
            )}
            {summary.length > 0 && (
              <>
                <p className="visually-hidden">{t("changePackage.errorSummary")}</p>
                <ul className="plain-list error-summary">
                  {summary.map(({ field, text }, i) => (
                    <li key={`${field}-${i}`}>
                      <a
                        href={`#${fieldIds[field]}`}
                        onClick={(event) => {
                          event.preventDefault();
                          focusField(field);
                        }}
                      >
                        {fieldLabels[field]}: {text}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {general.length > 0 && (
              <ul className="plain-list">
                {general.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        {conflict && (
          <section className="fresh-data" aria-labelledby={`${idPrefix}-fresh`}>
            <h3 id={`${idPrefix}-fresh`} className="section-title">
              {t("changePackage.freshTitle")}
            </h3>
            <dl className="details details--columns">
              <div>
                <dt>{t("user.package")}</dt>
                <dd>{current.displayName}</dd>
              </div>
              <div>
                <dt>{t("user.phoneNumber")}</dt>
                <dd>{user.phoneNumber ? formatPhoneNumber(user.phoneNumber) : dash}</dd>
              </div>
              <div>
                <dt>{t("user.extension")}</dt>
                <dd>{user.extension ?? dash}</dd>
              </div>
              <div>
                <dt>{t("user.location")}</dt>
                <dd>{user.locationName ?? dash}</dd>
              </div>
            </dl>
          </section>
        )}

        <fieldset
          id={fieldIds.package}
          className="package-options"
          aria-describedby={messages("package").length ? `${idPrefix}-package-messages` : undefined}
        >
          <legend className="field__label">{t("changePackage.legend")}</legend>
          {customer.packages.map((id) => {
            const pkg = packageById(id);
            const free = seats.get(id) ?? 0;
            const isCurrent = id === user.package;
            // What sets it apart, from the catalogue: four packages all include calling.
            const includes = t(`packages.descriptions.${pkg.description}`);
            return (
              // The radio is named by the package alone and described by what sets it apart
              // (and its free seats); the label's stretched ::after keeps the card clickable.
              <div
                key={id}
                className={`package-option package-option--card${draftPackage === id ? " package-option--selected" : ""}`}
              >
                <input
                  id={`${idPrefix}-option-${id}`}
                  type="radio"
                  value={id}
                  aria-describedby={`${idPrefix}-option-${id}-about${isCurrent ? "" : ` ${idPrefix}-option-${id}-seats`}`}
                  {...form.register("package", clearOnEdit("package"))}
                />
                <span className="package-option__text">
                  <label htmlFor={`${idPrefix}-option-${id}`} className="package-option__name">
                    {pkg.displayName}
                    {isCurrent && (
                      <span className="package-option__current">{t("changePackage.current")}</span>
                    )}
                  </label>
                  <span id={`${idPrefix}-option-${id}-about`} className="package-option__includes">
                    {includes}
                  </span>
                </span>
                {!isCurrent && (
                  <span id={`${idPrefix}-option-${id}-seats`} className="package-option__seats">
                    {free > 0
                      ? t("changePackage.freeSeats", { free: formatNumber(free, i18n.language) })
                      : t("changePackage.noFreeSeats")}
                  </span>
                )}
              </div>
            );
          })}
          {messages("package").length > 0 && (
            <div id={`${idPrefix}-package-messages`} className="field__messages">
              {messages("package").map((m, i) => (
                <p key={i} className="field__message field__message--error">
                  {m.text}
                </p>
              ))}
            </div>
          )}
        </fieldset>

        {!unchanged && (
          <p className="muted" aria-live="polite">
            {asked.numbers
              ? t("changePackage.callingNeeded", { package: chosen.displayName })
              : asked.location
                ? t("changePackage.locationNeeded", { package: chosen.displayName })
                : chosen.calling
                  ? t("changePackage.keepsNumbers")
                  : current.calling
                    ? t("changePackage.losesNumbers", { package: chosen.displayName })
                    : null}
          </p>
        )}

        {showsFields && (
          <div className="change-fields" ref={fieldsRef}>
            {asked.numbers && (
              <>
                <FormField
                  id={fieldIds.phoneNumber}
                  label={t("user.phoneNumber")}
                  messages={messages("phoneNumber")}
                >
                  {(control) => (
                    <input
                      {...control}
                      className="input"
                      type="tel"
                      inputMode="tel"
                      maxLength={32}
                      placeholder={t("addUsers.phonePlaceholder")}
                      {...form.register("phoneNumber", clearOnEdit("phoneNumber"))}
                    />
                  )}
                </FormField>
                <FormField
                  id={fieldIds.extension}
                  label={t("user.extension")}
                  messages={messages("extension")}
                >
                  {(control) => (
                    <input
                      {...control}
                      className="input"
                      inputMode="numeric"
                      maxLength={FIELD_LIMITS.extension}
                      {...form.register("extension", clearOnEdit("extension"))}
                    />
                  )}
                </FormField>
              </>
            )}
            {asked.location && (
              <FormField
                id={fieldIds.locationId}
                label={t("user.location")}
                messages={messages("locationId")}
              >
                {(aria) => (
                  <Controller
                    control={form.control}
                    name="locationId"
                    render={({ field }) => (
                      <LocationSelect
                        {...aria}
                        name={field.name}
                        locations={locations}
                        value={field.value}
                        onBlur={field.onBlur}
                        onChange={(locationId) => {
                          field.onChange(locationId);
                          form.clearErrors("locationId");
                        }}
                      />
                    )}
                  />
                )}
              </FormField>
            )}
            {asked.numbers && suggestAt && suggestion.isSuccess && (
              <p className="field__hint change-fields__suggestion" aria-live="polite">
                {suggested ? (
                  <>
                    {t("changePackage.suggestedExtension", {
                      extension: suggested,
                      location: suggestAtName,
                    })}{" "}
                    {draftExtension.trim() !== suggested && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          form.setValue("extension", suggested);
                          form.clearErrors("extension");
                        }}
                      >
                        {t("changePackage.useSuggested", { extension: suggested })}
                      </button>
                    )}
                  </>
                ) : (
                  t("changePackage.noFreeExtension", { location: suggestAtName })
                )}
              </p>
            )}
          </div>
        )}

        {asksSite && (
          <FormField
            id={`${idPrefix}-site`}
            label={t("user.preferredWebexSite")}
            messages={messages("preferredWebexSite")}
          >
            {(control) => (
              <WebexSiteSelect
                {...control}
                sites={customer.webexSites}
                current={user.preferredWebexSite}
                {...form.register("preferredWebexSite", clearOnEdit("preferredWebexSite"))}
              />
            )}
          </FormField>
        )}
      </div>
      <div className="dialog__footer">
        {unchanged && (
          <span className="muted dialog__footer-note">{t("changePackage.chooseOther")}</span>
        )}
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("changePackage.cancel")}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={unchanged || change.isPending}
        >
          {change.isPending ? t("changePackage.submitting") : t("changePackage.submit")}
        </button>
      </div>
    </form>
  );
}
