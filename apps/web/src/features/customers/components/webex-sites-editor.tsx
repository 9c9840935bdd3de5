import {
  WEBEX_SITE_LIMITS,
  WebexSitesInputSchema,
  type Customer,
  type WebexSite,
} from "@partner-hub/shared";
import { useState } from "react";
import { useFieldArray, useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { conflictingCustomer, useUpdateCustomer } from "../api/update-customer.ts";

interface SitesForm {
  sites: { name: string }[];
  /** The index of the default site, as the radio buttons give it. */
  defaultIndex: string;
}

function formOf(sites: readonly WebexSite[]): SitesForm {
  const index = sites.findIndex((s) => s.default);
  return { sites: sites.map((s) => ({ name: s.name })), defaultIndex: String(Math.max(0, index)) };
}

function inputOf(values: SitesForm): WebexSite[] {
  return values.sites.map((s, i) => ({ name: s.name, default: String(i) === values.defaultIndex }));
}

type SiteError = "invalid" | "duplicate";
type ListError = "required" | "tooMany" | "defaultCount";

/**
 * The shared schema of `webexSites` (host names, no duplicates ignoring case, exactly one
 * default) as the form's resolver, each problem said in the UI language by its kind.
 */
const sitesResolver: Resolver<SitesForm> = (values) => {
  const result = WebexSitesInputSchema.safeParse(inputOf(values));
  if (result.success) return { values, errors: {} };
  const sites: { name?: { type: SiteError; message: string } }[] = [];
  let list: ListError | null = null;
  for (const issue of result.error.issues) {
    const [index] = issue.path;
    if (typeof index === "number") {
      const duplicate = issue.code === "custom";
      sites[index] ??= {
        name: { type: duplicate ? "duplicate" : "invalid", message: issue.message },
      };
    } else
      list ??=
        issue.code === "too_small"
          ? "required"
          : issue.code === "too_big"
            ? "tooMany"
            : "defaultCount";
  }
  const errors: FieldErrors<SitesForm> = {};
  if (sites.length) errors.sites = sites;
  if (list) errors.root = { list: { type: list, message: list } };
  return { values: {}, errors };
};

/**
 * Spec §3: the customer's Webex sites, one the default, edited in its settings. Saved on its own
 * (PATCH `webexSites`, the complete list); a site users still prefer is refused by the server
 * with how many, said here.
 */
export function WebexSitesEditor({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const [notice, setNotice] = useState<"saved" | "conflict" | null>(null);
  const form = useForm<SitesForm>({
    defaultValues: formOf(customer.webexSites),
    resolver: sitesResolver,
  });
  const { control, register, handleSubmit, formState, reset } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "sites" });

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    try {
      const saved = await update.mutateAsync({
        version: customer.version,
        input: { webexSites: inputOf(values) },
      });
      reset(formOf(saved.webexSites));
      setNotice("saved");
    } catch (error) {
      const current = conflictingCustomer(error);
      if (current) {
        reset(formOf(current.webexSites));
        setNotice("conflict");
      }
    }
  });

  const disabled = !canEdit || formState.isSubmitting;
  const listError = formState.errors.root?.list?.type as ListError | undefined;
  const removeSite = (index: number) => {
    const current = Number(form.getValues("defaultIndex"));
    remove(index);
    // The default stays on the same site, or moves to the first when it was the one removed.
    const next = current === index ? 0 : current > index ? current - 1 : current;
    form.setValue("defaultIndex", String(next));
  };

  return (
    <form
      className="card settings-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="settings-webex-sites"
    >
      <div className="card__header">
        <h2 id="settings-webex-sites" className="card__title">
          {t("settings.webexSites.title")}
        </h2>
      </div>
      <p className="muted">{t("settings.webexSites.intro")}</p>
      <fieldset className="webex-sites" disabled={disabled}>
        <legend className="visually-hidden">{t("settings.webexSites.title")}</legend>
        <ul className="webex-sites__list">
          {fields.map((field, index) => {
            const n = index + 1;
            const error = formState.errors.sites?.[index]?.name;
            const inputId = `webex-site-${field.id}`;
            const errorId = `${inputId}-error`;
            return (
              <li key={field.id} className="webex-sites__row">
                <label htmlFor={inputId} className="visually-hidden">
                  {t("settings.webexSites.site", { n })}
                </label>
                <input
                  id={inputId}
                  className="input"
                  maxLength={WEBEX_SITE_LIMITS.length}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  readOnly={!canEdit}
                  {...register(`sites.${index}.name`)}
                />
                <label className="radio webex-sites__default">
                  <input
                    type="radio"
                    value={String(index)}
                    aria-label={t("settings.webexSites.makeDefault", { n })}
                    {...register("defaultIndex")}
                  />
                  <span aria-hidden="true">{t("settings.webexSites.default")}</span>
                </label>
                {canEdit && fields.length > 1 && (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t("settings.webexSites.removeSite", { n })}
                    onClick={() => removeSite(index)}
                  >
                    {t("settings.webexSites.remove")}
                  </button>
                )}
                {error && (
                  <p id={errorId} className="field__message field__message--error">
                    {t(`settings.webexSites.errors.${error.type as SiteError}`)}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        {canEdit && fields.length < WEBEX_SITE_LIMITS.sites && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => append({ name: "" }, { focusName: `sites.${fields.length}.name` })}
          >
            {t("settings.webexSites.add")}
          </button>
        )}
      </fieldset>
      {listError && (
        <p className="field__message field__message--error" role="alert">
          {t(`settings.webexSites.errors.${listError}`)}
        </p>
      )}
      {update.isError && !conflictingCustomer(update.error) && (
        <div className="alert alert--error" role="alert">
          <ErrorMessage error={update.error} />
        </div>
      )}
      {notice === "saved" && (
        <div className="alert alert--success" role="status">
          {t("settings.webexSites.saved")}
        </div>
      )}
      {notice === "conflict" && (
        <div className="alert alert--warning" role="alert">
          {t("settings.conflict")}
        </div>
      )}
      {canEdit && (
        <div className="settings-form__footer">
          <button type="submit" className="button button--primary" disabled={disabled}>
            {formState.isSubmitting ? t("settings.saving") : t("settings.webexSites.save")}
          </button>
        </div>
      )}
    </form>
  );
}
