import {
  CUSTOMER_LANGUAGES,
  PACKAGE_IDS,
  packageById,
  type CreatedCustomer,
} from "@partner-hub/shared";
import { useRef, useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { AddressFields } from "../../../components/address-fields.tsx";
import { InvitationLink } from "../../../components/invitation-link.tsx";
import { TimeZoneInput } from "../../../components/time-zone-input.tsx";
import { FormField } from "../../../components/ui/form-field.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { fieldErrorMessages } from "../../../lib/field-errors.ts";
import { formatCountry } from "../../../lib/format.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { useCreateCustomer } from "../api/create-customer.ts";
import {
  chosenPackages,
  createCustomerResolver,
  draftFieldOf,
  emptyDraft,
  fieldsOfStep,
  needsLocation,
  stepOfField,
  stepsFor,
  toCreateCustomerInput,
  type CreateCustomerDraft,
  type WizardStep,
} from "../create-customer-form.ts";
import { WizardSteps } from "../../../components/ui/wizard-steps.tsx";

type Field = Path<CreateCustomerDraft>;

const ERROR_KEYS = {
  name: "settings.errors.name",
  externalId: "settings.errors.externalId",
  adminEmail: "createCustomer.errors.adminEmail",
  language: "settings.errors.language",
  packages: "createCustomer.errors.packages",
  maxUsers: "createCustomer.errors.maxUsers",
  "location.name": "locations.errors.name",
  "location.timeZone": "locations.errors.timeZone",
  street: "settings.errors.street",
  city: "settings.errors.city",
  postalCode: "settings.errors.postalCode",
  country: "settings.errors.country",
} as const;

/** Each field's own message, in the UI language: the rule the shared schema checks there. */
function errorKeyOf(field: string) {
  const key = /^(location\.)?address\./.test(field)
    ? field.split(".").pop()
    : field.startsWith("offer.")
      ? "maxUsers"
      : field;
  return key && key in ERROR_KEYS
    ? ERROR_KEYS[key as keyof typeof ERROR_KEYS]
    : "createCustomer.errors.invalid";
}

/**
 * Spec §11 Create customer: Customer → Address → Packages and quotas → Location (only with a
 * calling package) → Review → Create. One react-hook-form over the draft, judged per step by
 * the shared schema (createCustomerResolver); a refusal from the server (a taken external ID
 * or email) is put beside its field and the wizard goes back to that field's step.
 */
export function CreateCustomerWizard() {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const form = useForm<CreateCustomerDraft>({
    defaultValues: emptyDraft(i18n.language === "sv" ? "sv" : "en"),
    resolver: createCustomerResolver,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { register, formState, setError, clearErrors, getValues } = form;
  const offer = useWatch({ control: form.control, name: "offer" });
  const steps = stepsFor({ offer });
  const [step, setStep] = useState<WizardStep>("customer");
  const [created, setCreated] = useState<CreatedCustomer | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepIndex = created ? steps.length : steps.indexOf(step);

  const messageOf = (field: string) =>
    fieldErrorMessages(formState.errors, field, t(errorKeyOf(field)));

  function goTo(next: WizardStep) {
    setStep(next);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  async function next() {
    const draft = getValues();
    const fields = fieldsOfStep(step, draft) as Field[];
    if (fields.length && !(await form.trigger(fields, { shouldFocus: true }))) return;
    const following = stepsFor(draft)[stepsFor(draft).indexOf(step) + 1];
    if (following) goTo(following);
  }

  function back() {
    const previous = steps[steps.indexOf(step) - 1];
    if (previous) goTo(previous);
  }

  function onCreate() {
    const draft = getValues();
    create.mutate(toCreateCustomerInput(draft), {
      onSuccess: (customer) => {
        setCreated(customer);
        requestAnimationFrame(() => headingRef.current?.focus());
      },
      onError: (error) => {
        const refused = isApiError(error) ? (error.problem.errors ?? []) : [];
        const placed = refused.flatMap((problem) =>
          problem.field ? [{ field: draftFieldOf(problem.field, draft), problem }] : [],
        );
        if (!placed.length) return;
        for (const { field, problem } of placed)
          setError(field as Field, { type: "server", message: say(problem) });
        const first = placed[0]!.field;
        setStep(stepOfField(first));
        // After the step renders: the refused field, with its message beside it.
        requestAnimationFrame(() => {
          if (first !== "packages") form.setFocus(first as Field);
        });
      },
    });
  }

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (step === "review") onCreate();
    else void next();
  };

  const edit = (field: string) => ({
    ...register(field as Field, {
      onChange: () => clearErrors(field as Field),
    }),
  });
  const serverRefusedWithoutField =
    create.isError &&
    !(isApiError(create.error) && create.error.problem.errors?.some((e) => e.field));

  return (
    <div className="wizard create-customer">
      <WizardSteps
        label={t("createCustomer.stepsLabel")}
        steps={steps.map((s) => ({ key: s, name: t(`createCustomer.steps.${s}`) }))}
        current={stepIndex}
      />

      <h2 ref={headingRef} tabIndex={-1} className="wizard__title">
        {created ? t("createCustomer.resultTitle") : t(`createCustomer.steps.${step}`)}
      </h2>

      {created ? (
        <CreatedResult customer={created} adminEmail={getValues("adminEmail")} />
      ) : (
        <form className="card create-customer__card" onSubmit={onSubmit} noValidate>
          {step === "customer" && (
            <div className="stack">
              <p className="wizard__intro">{t("createCustomer.intro")}</p>
              <FormField
                label={t("settings.name")}
                hint={t("settings.nameHint")}
                messages={messageOf("name")}
              >
                {(control) => (
                  <input className="input" autoComplete="off" {...control} {...edit("name")} />
                )}
              </FormField>
              <FormField
                label={t("settings.externalId")}
                hint={t("createCustomer.externalIdHint")}
                messages={messageOf("externalId")}
              >
                {(control) => (
                  <input
                    className="input"
                    autoComplete="off"
                    {...control}
                    {...edit("externalId")}
                  />
                )}
              </FormField>
              <FormField
                label={t("createCustomer.adminEmail")}
                hint={t("createCustomer.adminEmailHint")}
                messages={messageOf("adminEmail")}
              >
                {(control) => (
                  <input
                    className="input"
                    type="email"
                    autoComplete="off"
                    {...control}
                    {...edit("adminEmail")}
                  />
                )}
              </FormField>
              <FormField
                label={t("createCustomer.language")}
                hint={t("createCustomer.languageHint")}
                messages={messageOf("language")}
              >
                {(control) => (
                  <select className="select" {...control} {...edit("language")}>
                    {CUSTOMER_LANGUAGES.map((l) => (
                      <option key={l} value={l}>
                        {t(`languages.${l}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            </div>
          )}

          {step === "address" && (
            <div className="stack">
              <AddressFields
                autoComplete
                register={(line) => edit(`address.${line}`)}
                messages={(line) => messageOf(`address.${line}`)}
              />
            </div>
          )}

          {step === "packages" && (
            <fieldset className="create-customer__packages" aria-describedby="packages-messages">
              <legend className="visually-hidden">{t("createCustomer.steps.packages")}</legend>
              <p className="wizard__intro">{t("createCustomer.packagesIntro")}</p>
              <div id="packages-messages" className="field__messages">
                {messageOf("packages").map((m, i) => (
                  <p key={i} className="field__message field__message--error">
                    {m.text}
                  </p>
                ))}
              </div>
              <table className="quota-table create-customer__quotas">
                <thead>
                  <tr>
                    <th scope="col">{t("createCustomer.package")}</th>
                    <th scope="col">{t("createCustomer.quota")}</th>
                  </tr>
                </thead>
                <tbody>
                  {PACKAGE_IDS.map((id) => {
                    const on = offer[id]?.on ?? false;
                    const name = packageById(id).displayName;
                    return (
                      <tr key={id}>
                        <td>
                          <label className="checkbox">
                            <input
                              type="checkbox"
                              {...register(`offer.${id}.on`, {
                                onChange: () =>
                                  clearErrors(["packages", `offer.${id}.maxUsers`] as Field[]),
                              })}
                            />
                            {name}
                          </label>
                        </td>
                        <td>
                          <FormField
                            label={t("createCustomer.quotaOf", { package: name })}
                            className="create-customer__quota"
                            messages={on ? messageOf(`offer.${id}.maxUsers`) : []}
                          >
                            {(control) => (
                              <input
                                className="input"
                                type="number"
                                inputMode="numeric"
                                min={1}
                                max={1_000_000}
                                disabled={!on}
                                {...control}
                                {...register(`offer.${id}.maxUsers`, {
                                  valueAsNumber: true,
                                  onChange: () => clearErrors(`offer.${id}.maxUsers`),
                                })}
                              />
                            )}
                          </FormField>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </fieldset>
          )}

          {step === "location" && (
            <div className="stack">
              <p className="wizard__intro">{t("createCustomer.locationIntro")}</p>
              <FormField
                label={t("locations.name")}
                hint={t("locations.nameHint")}
                messages={messageOf("location.name")}
              >
                {(control) => (
                  <input
                    className="input"
                    autoComplete="off"
                    {...control}
                    {...edit("location.name")}
                  />
                )}
              </FormField>
              <div>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    form.setValue("location.address", { ...getValues("address") });
                    clearErrors("location.address");
                  }}
                >
                  {t("createCustomer.sameAddress")}
                </button>
              </div>
              <AddressFields
                register={(line) => edit(`location.address.${line}`)}
                messages={(line) => messageOf(`location.address.${line}`)}
              />
              <FormField
                label={t("locations.timeZone")}
                hint={t("locations.timeZoneHint")}
                messages={messageOf("location.timeZone")}
              >
                {(control) => (
                  <TimeZoneInput control={control} registered={edit("location.timeZone")} />
                )}
              </FormField>
            </div>
          )}

          {step === "review" && <Review draft={getValues()} onEdit={goTo} />}

          {step === "review" && serverRefusedWithoutField && (
            <div className="alert alert--error" role="alert">
              <ErrorMessage error={create.error} />
            </div>
          )}

          <div className="wizard__footer">
            {step === "customer" ? (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => void navigate(paths.partner.customers.getHref())}
              >
                {t("createCustomer.cancel")}
              </button>
            ) : (
              <button
                type="button"
                className="button button--ghost"
                onClick={back}
                disabled={create.isPending}
              >
                {t("createCustomer.back")}
              </button>
            )}
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {step === "review"
                ? create.isPending
                  ? t("createCustomer.creating")
                  : t("createCustomer.create")
                : t("createCustomer.next")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Everything the person entered, by step, each with a way back to change it. */
function Review({
  draft,
  onEdit,
}: {
  draft: CreateCustomerDraft;
  onEdit: (step: WizardStep) => void;
}) {
  const { t, i18n } = useTranslation();
  const address = (a: CreateCustomerDraft["address"]) =>
    [
      a.street,
      [a.postalCode, a.city].filter(Boolean).join(" "),
      formatCountry(a.country, i18n.language),
    ]
      .filter(Boolean)
      .join(", ");
  const section = (step: WizardStep, rows: [string, string][]) => (
    <section className="create-customer__review-section" aria-labelledby={`review-${step}`}>
      <div className="create-customer__review-head">
        <h3 id={`review-${step}`} className="section-title">
          {t(`createCustomer.steps.${step}`)}
        </h3>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => onEdit(step)}
          aria-label={t("createCustomer.editStep", { step: t(`createCustomer.steps.${step}`) })}
        >
          {t("createCustomer.edit")}
        </button>
      </div>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
  return (
    <div className="stack">
      {section("customer", [
        [t("settings.name"), draft.name],
        [t("settings.externalId"), draft.externalId],
        [t("createCustomer.adminEmail"), draft.adminEmail],
        [t("createCustomer.language"), t(`languages.${draft.language}`)],
      ])}
      {section("address", [[t("settings.address"), address(draft.address)]])}
      {section(
        "packages",
        chosenPackages(draft).map((id) => [
          packageById(id).displayName,
          t("createCustomer.quotaValue", { count: draft.offer[id].maxUsers }),
        ]),
      )}
      {needsLocation(draft) &&
        section("location", [
          [t("locations.name"), draft.location.name],
          [t("settings.address"), address(draft.location.address)],
          [t("locations.timeZone"), draft.location.timeZone],
        ])}
    </div>
  );
}

/** The result: the customer named, a way into its Control Hub, and the administrator's link. */
function CreatedResult({
  customer,
  adminEmail,
}: {
  customer: CreatedCustomer;
  adminEmail: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="card stack">
      <p className="alert alert--success" role="status">
        {t("createCustomer.created", { name: customer.name })}
      </p>
      <div className="create-customer__result-actions">
        <Link to={paths.controlHub.root.getHref(customer.id)} className="button button--primary">
          {t("customerPanel.launch")}
        </Link>
        <Link to={paths.partner.customers.getHref()} className="button button--secondary">
          {t("createCustomer.backToCustomers")}
        </Link>
      </div>
      <InvitationLink
        url={customer.invitationUrl}
        expiresAt={customer.invitationExpiresAt}
        email={adminEmail}
      />
    </div>
  );
}
