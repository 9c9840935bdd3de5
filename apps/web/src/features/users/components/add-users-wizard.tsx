import {
  defaultWebexSiteOf,
  type CreateUsersResult,
  type Customer,
  type Location,
  type PackageId,
} from "@partner-hub/shared";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { FormProvider, useFieldArray, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useBlocker, useNavigate } from "react-router";
import { ConfirmDialog } from "../../../components/ui/dialog.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { useCreateUsers } from "../api/create-users.ts";
import { useValidateUsers } from "../api/validate-users.ts";
import {
  MAX_ROWS,
  ROW_FIELDS,
  countErrors,
  emptyRow,
  freeSeats,
  isRowDirty,
  issuesFromProblem,
  rowsToSend,
  toNewUserInput,
  type RowField,
  type ValidationContext,
} from "../add-users-form.ts";
import {
  addUsersResolver,
  fromFormErrors,
  serverErrorEntries,
  type AddUsersValues,
} from "../add-users-resolver.ts";
import { problemText } from "../../../lib/problem-message.ts";
import { AddUserRow, rowFieldId } from "./add-user-row.tsx";
import { AddUsersResult } from "./add-users-result.tsx";
import { AddUsersSummary } from "./add-users-summary.tsx";
import { WizardSteps } from "../../../components/ui/wizard-steps.tsx";

type Step = "basic" | "summary" | "result";
const STEPS: readonly Step[] = ["basic", "summary", "result"];

/**
 * Spec §5: Basic information → Summary → Result, all or none. The rows live in one
 * react-hook-form (`useFieldArray`), validated by the shared composition through
 * `addUsersResolver`; a refusal from the server comes back through `setError`, which sends the
 * person back to the rows with the errors beside the fields and nothing typed lost.
 */
export function AddUsersWizard({
  customer,
  locations,
}: {
  customer: Customer;
  locations: readonly Location[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUsers(customer.id);
  const precheck = useValidateUsers(customer.id);
  const defaultLocationId = locations.length === 1 ? (locations[0]?.id ?? null) : null;
  // Spec §3: the customer's default Webex site is preselected in every row.
  const defaultSite = defaultWebexSiteOf(customer.webexSites) ?? "";
  const siteNames = useMemo(() => customer.webexSites.map((s) => s.name), [customer.webexSites]);
  const context = useMemo<ValidationContext>(
    () => ({ locations, quotas: customer.quotas, webexSites: siteNames }),
    [locations, customer.quotas, siteNames],
  );
  const form = useForm<AddUsersValues, ValidationContext>({
    defaultValues: { users: [emptyRow(defaultLocationId, defaultSite)] },
    resolver: addUsersResolver,
    context,
    // Judged on "Next" only, as before: a message stays until its field is edited or the next
    // "Next", and the alert above the rows takes focus rather than the first field.
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "users" });
  const rows = useWatch({ control: form.control, name: "users" });
  const { errors } = form.formState;
  const [step, setStep] = useState<Step>("basic");
  const [refusedBy, setRefusedBy] = useState<"client" | "server" | null>(null);
  const [result, setResult] = useState<CreateUsersResult | null>(null);
  // The field to focus once the rows it belongs to have rendered (after removing one).
  const pendingFocus = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const limitId = useId();

  const offered = useMemo<PackageId[]>(() => customer.packages, [customer.packages]);
  const seats = useMemo(() => freeSeats(customer.quotas), [customer.quotas]);
  const dirty = rows.some(isRowDirty);
  const atLimit = fields.length >= MAX_ROWS;

  // Leaving with typed but unsaved users asks first (in-app links and the browser alike).
  const guard = dirty && step !== "result";
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      guard && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!guard) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [guard]);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  function goTo(next: Step) {
    setStep(next);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  // A field the person edits loses its old message; a new package re-judges the whole row.
  function onEdit(index: number, field: RowField) {
    form.clearErrors(field === "package" ? `users.${index}` : `users.${index}.${field}`);
  }

  function addRow() {
    if (atLimit) return;
    append(emptyRow(defaultLocationId, defaultSite), {
      focusName: `users.${fields.length}.firstName`,
    });
  }

  function removeRow(index: number) {
    const neighbour = fields[index + 1] ?? fields[index - 1];
    remove(index);
    if (neighbour) pendingFocus.current = rowFieldId(neighbour.id, "firstName");
  }

  /**
   * A 400 with `errors[]` (from the pre-check or the add) goes back onto the rows it names, and
   * the person back to Basic information with nothing typed lost. Returns whether it did.
   */
  function showServerRefusal(
    error: unknown,
    indexes: readonly number[],
    by: "precheck" | "add",
  ): boolean {
    if (!(isApiError(error) && error.status === 400 && error.problem.errors?.length)) return false;
    const refused = issuesFromProblem(error.problem.errors, fields.length, indexes);
    form.clearErrors();
    for (const { name, error: fieldError } of serverErrorEntries(refused)) {
      form.setError(name, fieldError);
    }
    // A pre-check refusal reads like the browser's own (nothing was about to be added yet).
    setRefusedBy(by === "precheck" ? "client" : "server");
    setStep("basic");
    requestAnimationFrame(() => alertRef.current?.focus());
    return true;
  }

  // Spec §5: Next asks the server too (emails already in the customer, numbers taken, quotas),
  // so the Summary only lists users the add will create.
  function onNextFromBasic() {
    precheck.reset();
    void form.handleSubmit(
      (values) => {
        const send = rowsToSend(values.users);
        precheck.mutate(
          { users: send.rows.map(toNewUserInput) },
          {
            onSuccess: () => {
              setRefusedBy(null);
              goTo("summary");
            },
            onError: (error) => void showServerRefusal(error, send.indexes, "precheck"),
          },
        );
      },
      () => {
        setRefusedBy("client");
        requestAnimationFrame(() => alertRef.current?.focus());
      },
    )();
  }

  function onCreate() {
    const send = rowsToSend(form.getValues("users"));
    create.mutate(
      { users: send.rows.map(toNewUserInput) },
      {
        onSuccess: (created) => {
          setResult(created);
          form.clearErrors();
          goTo("result");
        },
        onError: (error) => void showServerRefusal(error, send.indexes, "add"),
      },
    );
  }

  const issues = fromFormErrors(errors, fields.length);
  const errorCount = countErrors(issues);
  const rowsWithErrors = fields.flatMap((row, index) => {
    const rowIssues = issues.rows[index] ?? {};
    const first = ROW_FIELDS.find((f) => rowIssues[f]?.some((i) => i.severity === "error"));
    return first ? [{ index, target: rowFieldId(row.id, first) }] : [];
  });
  const generalErrors = issues.general;
  const toSend = rowsToSend(rows);
  const stepIndex = STEPS.indexOf(step);

  return (
    <div className="wizard">
      <WizardSteps
        label={t("addUsers.stepsLabel")}
        steps={STEPS.map((s) => ({ key: s, name: t(`addUsers.steps.${s}`) }))}
        current={stepIndex}
      />

      <h2 ref={headingRef} tabIndex={-1} className="wizard__title">
        {t(`addUsers.steps.${step}`)}
      </h2>

      {step === "basic" && (
        <>
          {refusedBy && errorCount.errors > 0 && (
            <div
              ref={alertRef}
              tabIndex={-1}
              className="alert alert--error wizard__alert"
              role="alert"
            >
              <p>
                {refusedBy === "server"
                  ? errorCount.rows > 0
                    ? t("addUsers.serverErrors", { count: errorCount.rows })
                    : t("addUsers.serverRefused")
                  : t("addUsers.clientErrors", { count: errorCount.rows })}
              </p>
              {generalErrors.length > 0 && (
                <ul className="plain-list">
                  {generalErrors.map((issue, i) => (
                    <li key={i}>{problemText(t, issue, null)}</li>
                  ))}
                </ul>
              )}
              {rowsWithErrors.length > 0 && (
                <ul className="wizard__error-links">
                  {rowsWithErrors.map(({ index, target }) => (
                    <li key={index}>
                      <a
                        href={`#${target}`}
                        onClick={(e) => {
                          e.preventDefault();
                          document.getElementById(target)?.focus();
                        }}
                      >
                        {t("addUsers.userErrorsLink", { n: index + 1 })}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {precheck.isError &&
            !(
              isApiError(precheck.error) &&
              precheck.error.status === 400 &&
              precheck.error.problem.errors?.length
            ) && (
              <div className="alert alert--error wizard__alert" role="alert">
                <ErrorMessage error={precheck.error} />
              </div>
            )}
          <p className="wizard__intro">{t("addUsers.intro")}</p>
          <FormProvider {...form}>
            <div className="wizard__rows">
              {fields.map((row, index) => (
                <AddUserRow
                  key={row.id}
                  rowId={row.id}
                  index={index}
                  issues={issues.rows[index]}
                  packages={offered}
                  freeSeats={seats}
                  locations={locations}
                  webexSites={customer.webexSites}
                  canRemove={fields.length > 1}
                  onEdit={(field) => onEdit(index, field)}
                  onRemove={() => removeRow(index)}
                />
              ))}
            </div>
          </FormProvider>
          <div className="wizard__add">
            <button
              type="button"
              className="button button--secondary"
              onClick={addRow}
              disabled={atLimit}
              aria-describedby={atLimit ? limitId : undefined}
            >
              {t("addUsers.addUser")}
            </button>
            <span className="muted">
              {t("addUsers.rowCount", { count: fields.length, max: MAX_ROWS })}
            </span>
            {atLimit && (
              <p id={limitId} className="wizard__limit" role="status">
                {t("addUsers.limitReached")}
              </p>
            )}
          </div>
        </>
      )}

      {step === "summary" && (
        <>
          {create.isError &&
            !(
              isApiError(create.error) &&
              create.error.status === 400 &&
              create.error.problem.errors?.length
            ) && (
              <div className="alert alert--error wizard__alert" role="alert">
                <ErrorMessage error={create.error} />
              </div>
            )}
          <AddUsersSummary
            rows={toSend.rows}
            rowKeys={toSend.indexes.map((i) => fields[i]?.id ?? String(i))}
            locations={locations}
          />
        </>
      )}

      {step === "result" && result && <AddUsersResult customerId={customer.id} result={result} />}

      <div className="wizard__footer">
        {step === "basic" && (
          <>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void navigate(paths.controlHub.users.getHref(customer.id))}
            >
              {t("addUsers.cancel")}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={onNextFromBasic}
              disabled={precheck.isPending}
            >
              {precheck.isPending ? t("addUsers.checking") : t("addUsers.next")}
            </button>
          </>
        )}
        {step === "summary" && (
          <>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => goTo("basic")}
              disabled={create.isPending}
            >
              {t("addUsers.back")}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={onCreate}
              disabled={create.isPending}
            >
              {create.isPending
                ? t("addUsers.adding")
                : t("addUsers.addCount", { count: toSend.rows.length })}
            </button>
          </>
        )}
        {step === "result" && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void navigate(paths.controlHub.users.getHref(customer.id))}
          >
            {t("addUsers.close")}
          </button>
        )}
      </div>

      <ConfirmDialog
        open={blocker.state === "blocked"}
        title={t("addUsers.leaveTitle")}
        body={t("addUsers.leaveBody")}
        confirmLabel={t("addUsers.leaveConfirm")}
        cancelLabel={t("addUsers.leaveStay")}
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      />
    </div>
  );
}
