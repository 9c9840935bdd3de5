import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { formatNumber } from "../../../lib/format.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { refusedCounts } from "../fresh-counts.ts";

// Codes whose `detail` names what to fix (the file, the row count, the running task): shown as
// the server wrote it, under a heading in the UI language.
const DETAILED_CODES = new Set([
  "csv_invalid",
  "file_too_large",
  "import_running",
  "import_has_errors",
  "import_not_applicable",
  "validation_failed",
]);

/** A refused upload or apply: what the server said, each listed problem, and a link to a running task. */
export function ImportProblemAlert({
  customerId,
  error,
  title,
}: {
  customerId: string;
  error: unknown;
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const problem = isApiError(error) ? error.problem : null;
  const detailed = problem && DETAILED_CODES.has(problem.code);
  const items = problem?.errors ?? [];
  const refusedErrors = refusedCounts(error)?.error;
  return (
    <div className="alert alert--error import-alert" role="alert">
      <p className="import-alert__title">{title}</p>
      <p>
        {refusedErrors !== undefined ? (
          t("imports.preview.refusedErrors", {
            count: refusedErrors,
            formatted: formatNumber(refusedErrors, i18n.language),
          })
        ) : detailed ? (
          (problem.detail ?? problem.title)
        ) : (
          <ErrorMessage error={error} />
        )}
      </p>
      {detailed && items.length > 0 && (
        <ul className="import-alert__list">
          {items.map((e, i) => (
            <li key={i}>
              {e.row !== undefined && (
                <strong>{t("imports.problems.rowPrefix", { row: e.row })} </strong>
              )}
              {say(e)}
            </li>
          ))}
        </ul>
      )}
      {problem?.code === "import_running" && problem.importId && (
        <Link
          to={paths.controlHub.task.getHref(customerId, problem.importId)}
          className="import-alert__link"
        >
          {t("imports.openRunningTask")}
        </Link>
      )}
    </div>
  );
}
