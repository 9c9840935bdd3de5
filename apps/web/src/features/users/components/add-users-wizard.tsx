import type { CreateUsersResult, Customer, Location, PackageId } from "@partner-hub/shared";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker, useNavigate } from "react-router";
import { ConfirmDialog } from "../../../components/ui/dialog.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { useCreateUsers } from "../api/create-users.ts";
import {
  MAX_ROWS,
  ROW_FIELDS,
  countErrors,
  emptyRow,
  freeSeats,
  isRowDirty,
  issuesFromProblem,
  toNewUserInput,
  validateRows,
  type RowField,
  type UserRowDraft,
  type WizardIssues,
} from "../add-users-form.ts";
import { problemText } from "../../../lib/problem-message.ts";
import { AddUserRow, rowFieldId } from "./add-user-row.tsx";
import { AddUsersResult } from "./add-users-result.tsx";
import { AddUsersSummary } from "./add-users-summary.tsx";

type Step = "basic" | "summary" | "result";
const STEPS: readonly Step[] = ["basic", "summary", "result"];

let nextRowKey = 0;
const newRowKey = () => `r${++nextRowKey}`;

/**
 * Spec §5: Basic information → Summary → Result, all or none. Everything typed stays in this
 * component's state across steps, so a refusal from the server sends the person back to the
 * rows with the errors beside the fields and nothing lost.
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
  const defaultLocationId = locations.length === 1 ? (locations[0]?.id ?? null) : null;
  const [rows, setRows] = useState<UserRowDraft[]>(() => [
    emptyRow(newRowKey(), defaultLocationId),
  ]);
  const [step, setStep] = useState<Step>("basic");
  const [issues, setIssues] = useState<WizardIssues | null>(null);
  const [refusedBy, setRefusedBy] = useState<"client" | "server" | null>(null);
  const [result, setResult] = useState<CreateUsersResult | null>(null);
  // The field to focus once the rows it belongs to have rendered (after adding or removing one).
  const pendingFocus = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const limitId = useId();

  const offered = useMemo<PackageId[]>(() => customer.packages, [customer.packages]);
  const seats = useMemo(() => freeSeats(customer.quotas), [customer.quotas]);
  const dirty = rows.some(isRowDirty);
  const atLimit = rows.length >= MAX_ROWS;

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

  function updateRow(index: number, patch: Partial<UserRowDraft>) {
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    // A field the person edits loses its old message; a new package re-judges the whole row.
    setIssues((current) => {
      if (!current) return current;
      const fields = (
        "package" in patch ? Object.keys(current.rows[index] ?? {}) : Object.keys(patch)
      ) as RowField[];
      const rowIssues = { ...current.rows[index] };
      for (const field of fields) delete rowIssues[field];
      return { ...current, rows: current.rows.map((r, i) => (i === index ? rowIssues : r)) };
    });
  }

  function addRow() {
    if (atLimit) return;
    const row = emptyRow(newRowKey(), defaultLocationId);
    setRows((current) => [...current, row]);
    setIssues((current) => (current ? { ...current, rows: [...current.rows, {}] } : current));
    pendingFocus.current = rowFieldId(row.key, "firstName");
  }

  function removeRow(index: number) {
    const neighbour = rows[index + 1] ?? rows[index - 1];
    setRows((current) => current.filter((_, i) => i !== index));
    setIssues((current) =>
      current ? { ...current, rows: current.rows.filter((_, i) => i !== index) } : current,
    );
    if (neighbour) pendingFocus.current = rowFieldId(neighbour.key, "firstName");
  }

  function onNextFromBasic() {
    const checked = validateRows(rows, { locations, quotas: customer.quotas });
    setIssues(checked);
    if (countErrors(checked).errors > 0) {
      setRefusedBy("client");
      requestAnimationFrame(() => alertRef.current?.focus());
      return;
    }
    setRefusedBy(null);
    goTo("summary");
  }

  function onCreate() {
    create.mutate(
      { users: rows.map(toNewUserInput) },
      {
        onSuccess: (created) => {
          setResult(created);
          setIssues(null);
          goTo("result");
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 400 && error.problem.errors?.length) {
            setIssues(issuesFromProblem(error.problem.errors, rows.length));
            setRefusedBy("server");
            setStep("basic");
            requestAnimationFrame(() => alertRef.current?.focus());
          }
        },
      },
    );
  }

  const errorCount = issues ? countErrors(issues) : { rows: 0, errors: 0 };
  const rowsWithErrors = issues
    ? rows.flatMap((row, index) => {
        const rowIssues = issues.rows[index] ?? {};
        const first = ROW_FIELDS.find((f) => rowIssues[f]?.some((i) => i.severity === "error"));
        return first ? [{ index, target: rowFieldId(row.key, first) }] : [];
      })
    : [];
  const generalErrors = issues?.general ?? [];
  const stepIndex = STEPS.indexOf(step);

  return (
    <div className="wizard">
      <ol className="wizard__steps" aria-label={t("addUsers.stepsLabel")}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={`wizard__step${i === stepIndex ? " wizard__step--current" : ""}${i < stepIndex ? " wizard__step--done" : ""}`}
            aria-current={i === stepIndex ? "step" : undefined}
          >
            <span className="wizard__step-number" aria-hidden="true">
              {i < stepIndex ? "✓" : i + 1}
            </span>
            {t(`addUsers.steps.${s}`)}
            {i < stepIndex && (
              <span className="visually-hidden"> ({t("addUsers.stepState.done")})</span>
            )}
          </li>
        ))}
      </ol>

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
          <p className="wizard__intro">{t("addUsers.intro")}</p>
          <div className="wizard__rows">
            {rows.map((row, index) => (
              <AddUserRow
                key={row.key}
                row={row}
                index={index}
                issues={issues?.rows[index]}
                packages={offered}
                freeSeats={seats}
                locations={locations}
                canRemove={rows.length > 1}
                onChange={(patch) => updateRow(index, patch)}
                onRemove={() => removeRow(index)}
              />
            ))}
          </div>
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
              {t("addUsers.rowCount", { count: rows.length, max: MAX_ROWS })}
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
          <AddUsersSummary rows={rows} locations={locations} />
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
            <button type="button" className="button button--primary" onClick={onNextFromBasic}>
              {t("addUsers.next")}
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
              {create.isPending ? t("addUsers.adding") : t("addUsers.next")}
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
