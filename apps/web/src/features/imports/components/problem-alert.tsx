import type { ProblemCode } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { formatNumber } from "../../../lib/format.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { refusedCounts } from "../fresh-counts.ts";

// Codes whose `errors[]` name what to fix (the file's problems, the upload's missing fields):
// listed under the message, each in the UI language.
const LISTED_CODES = new Set<ProblemCode>(["csv_invalid", "validation_failed"]);

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
  const listed = problem && (LISTED_CODES as Set<string>).has(problem.code);
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
        ) : (
          <ErrorMessage error={error} />
        )}
      </p>
      {listed && items.length > 0 && (
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
