import {
  PACKAGES,
  PackageIdSchema,
  QuotaMaxUsersSchema,
  packageById,
  type Customer,
  type ProblemError,
} from "@partner-hub/shared";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { formatNumber } from "../../../lib/format.ts";
import { schemaResolver } from "../../../lib/schema-resolver.ts";
import { useSetQuotas } from "../api/set-quotas.ts";
import { conflictingCustomer } from "../api/update-customer.ts";

/** One row per package of the catalogue: offered or not, and its quota (spec §11). */
const QuotaRowsSchema = z.object({
  rows: z.array(
    z
      .object({ package: PackageIdSchema, offered: z.boolean(), maxUsers: z.number().or(z.nan()) })
      .superRefine((row, ctx) => {
        if (row.offered && !QuotaMaxUsersSchema.safeParse(row.maxUsers).success)
          ctx.addIssue({ code: "custom", path: ["maxUsers"], message: "1 to 1,000,000" });
      }),
  ),
});
type QuotaRows = z.infer<typeof QuotaRowsSchema>;

function rowsOf(customer: Customer): QuotaRows {
  return {
    rows: PACKAGES.map((p) => {
      const quota = customer.quotas.find((q) => q.package === p.id);
      return { package: p.id, offered: Boolean(quota), maxUsers: quota?.maxUsers ?? Number.NaN };
    }),
  };
}

/** The refusals of §11: how many users hold the package, and a link to them. */
function QuotaRefusal({ customerId, problems }: { customerId: string; problems: ProblemError[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="alert alert--error" role="alert">
      <p>{t("quotas.refused")}</p>
      <ul className="refusal-list">
        {problems.map((p, i) => {
          const pkg = PackageIdSchema.safeParse(p.params?.package);
          const count = Number(p.params?.assignedUsers ?? 0);
          if (!pkg.success) return <li key={i}>{p.message}</li>;
          const values = {
            package: packageById(pkg.data).displayName,
            assignedUsers: formatNumber(count, i18n.language),
          };
          return (
            <li key={i}>
              {p.code === "package_still_held"
                ? t("problems.package_still_held", values)
                : t("problems.quota_below_holders", values)}{" "}
              <Link
                to={`${paths.controlHub.users.getHref(customerId)}?package=${encodeURIComponent(pkg.data)}`}
              >
                {t("quotas.viewUsers", { count, formatted: values.assignedUsers })}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Packages and quotas: the partner offers a package, changes a quota or stops offering one.
 * Saved as the complete list; the server refuses a quota below the users holding the package
 * and withdrawing a package anyone holds. A customer administrator sees the table read-only.
 */
export function QuotasEditor({
  customer,
  canEdit,
  isPartner,
}: {
  customer: Customer;
  canEdit: boolean;
  isPartner: boolean;
}) {
  const { t, i18n } = useTranslation();
  const save = useSetQuotas(customer.id);
  const [notice, setNotice] = useState<"saved" | "conflict" | null>(null);
  const form = useForm<QuotaRows>({
    defaultValues: rowsOf(customer),
    resolver: schemaResolver(QuotaRowsSchema),
  });
  const { control, register, handleSubmit, formState, reset } = form;
  const { fields } = useFieldArray({ control, name: "rows" });
  const rows = useWatch({ control, name: "rows" });
  const assigned = new Map(customer.quotas.map((q) => [q.package, q.assignedUsers]));

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    const quotas = values.rows
      .filter((r) => r.offered)
      .map((r) => ({ package: r.package, maxUsers: r.maxUsers }));
    try {
      const saved = await save.mutateAsync({ version: customer.version, quotas });
      reset(rowsOf(saved));
      setNotice("saved");
    } catch (error) {
      const current = conflictingCustomer(error);
      if (current) {
        reset(rowsOf(current));
        setNotice("conflict");
      }
    }
  });

  const refusals =
    isApiError(save.error) &&
    (save.error.code === "quota_below_usage" || save.error.code === "package_in_use")
      ? (save.error.problem.errors ?? [])
      : null;
  const disabled = !canEdit || formState.isSubmitting;

  return (
    <form className="card settings-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="card__header">
        <h2 className="card__title">{t("quotas.title")}</h2>
      </div>
      {/* A partner who cannot edit is read-only or looking at a suspended customer: said above. */}
      {(canEdit || !isPartner) && (
        <p className="muted">{canEdit ? t("quotas.hint") : t("quotas.partnerOnly")}</p>
      )}
      <div className="table-scroll">
        <table className="table quota-table">
          <thead>
            <tr>
              <th scope="col">{t("quotas.offered")}</th>
              <th scope="col">{t("quotas.package")}</th>
              <th scope="col" className="align-end">
                {t("quotas.assigned")}
              </th>
              <th scope="col">{t("quotas.maxUsers")}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => {
              const pkg = field.package;
              const name = packageById(pkg).displayName;
              const offered = rows[index]?.offered ?? false;
              const error = formState.errors.rows?.[index]?.maxUsers;
              const errorId = `quota-${pkg}-error`;
              return (
                <tr key={field.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t("quotas.offer", { package: name })}
                      disabled={disabled}
                      {...register(`rows.${index}.offered`)}
                    />
                  </td>
                  <th scope="row">{name}</th>
                  <td className="align-end">
                    {formatNumber(assigned.get(pkg) ?? 0, i18n.language)}
                  </td>
                  <td>
                    <input
                      className="input input--narrow"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={1_000_000}
                      aria-label={t("quotas.quotaOf", { package: name })}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      disabled={disabled || !offered}
                      {...register(`rows.${index}.maxUsers`, { valueAsNumber: true })}
                    />
                    {error && (
                      <p id={errorId} className="field__message field__message--error">
                        {t("quotas.invalid")}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {refusals && <QuotaRefusal customerId={customer.id} problems={refusals} />}
      {save.isError && !refusals && !conflictingCustomer(save.error) && (
        <div className="alert alert--error" role="alert">
          <ErrorMessage error={save.error} />
        </div>
      )}
      {notice === "saved" && (
        <div className="alert alert--success" role="status">
          {t("quotas.saved")}
        </div>
      )}
      {notice === "conflict" && (
        <div className="alert alert--warning" role="alert">
          {t("quotas.conflict")}
        </div>
      )}
      {canEdit && (
        <div className="settings-form__footer">
          <button type="submit" className="button button--primary" disabled={disabled}>
            {t("quotas.save")}
          </button>
        </div>
      )}
    </form>
  );
}
