import {
  IMPORT_BEHAVIOURS,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  type ImportBehaviour,
} from "@partner-hub/shared";
import { useId, useRef, useState, type DragEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { formatNumber } from "../../../lib/format.ts";
import { csvTemplateHref, usersCsvExportHref } from "../../../lib/csv-downloads.ts";
import { useUploadImport } from "../api/upload-import.ts";
import { checkCsvFile, type CsvFileCheck } from "../check-csv-file.ts";
import { ImportProblemAlert } from "./problem-alert.tsx";
import "./imports.css";
import { useProblemText } from "../../../lib/problem-message.ts";

// The wholesale guide recommends it (spec §6), so it is the one preselected.
const RECOMMENDED_BEHAVIOUR: ImportBehaviour = "add_and_remove_services";

interface ChosenFile {
  file: File;
  check: CsvFileCheck | null;
}

/**
 * CSV add or edit: choose a file and a behaviour, upload for a preview. The preview (the plan)
 * opens at its own URL, so a reload or a link shows it again.
 */
export function CsvImport({ customerId }: { customerId: string }) {
  const navigate = useNavigate();
  return (
    <UploadStep
      customerId={customerId}
      onPreviewed={(importId) =>
        void navigate(paths.controlHub.importPreview.getHref(customerId, importId))
      }
    />
  );
}

function UploadStep({
  customerId,
  onPreviewed,
}: {
  customerId: string;
  onPreviewed: (importId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const upload = useUploadImport(customerId);
  const [behaviour, setBehaviour] = useState<ImportBehaviour>(RECOMMENDED_BEHAVIOUR);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { limits: useId(), file: useId(), behaviour: useId() };
  const n = (v: number) => formatNumber(v, i18n.language);

  const choose = (file: File | undefined) => {
    if (!file) return;
    upload.reset();
    setChosen({ file, check: null });
    void checkCsvFile(file).then((check) =>
      setChosen((current) => (current?.file === file ? { file, check } : current)),
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const send = (allowDuplicate: boolean) => {
    if (!chosen?.check?.ok) return;
    upload.mutate(
      { file: chosen.file, behaviour, allowDuplicate },
      { onSuccess: (preview) => onPreviewed(preview.id) },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };
  // The same file's preview is still open: offer it rather than a second one (spec §6).
  const openPreview =
    isApiError(upload.error) && upload.error.problem.code === "import_preview_exists"
      ? (upload.error.problem.importId ?? null)
      : null;

  const check = chosen?.check;
  const canUpload = Boolean(check?.ok) && !upload.isPending;

  return (
    <form className="csv-import" onSubmit={submit} noValidate>
      <section className="card csv-import__section" aria-labelledby={ids.file}>
        <h2 id={ids.file} className="card__title">
          {t("imports.upload.fileTitle")}
        </h2>
        <p id={ids.limits} className="csv-import__limits">
          {t("imports.upload.limits", {
            rows: n(MAX_CSV_ROWS),
            megabytes: n(MAX_CSV_BYTES / 1024 / 1024),
          })}
        </p>
        <p className="csv-import__links">
          <a href={csvTemplateHref(customerId)} download>
            {t("users.downloadTemplate")}
          </a>
          <a href={usersCsvExportHref(customerId)} download>
            {t("imports.upload.exportCurrent")}
          </a>
        </p>
        <div
          className={`dropzone${dragging ? " dropzone--active" : ""}`}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = "copy";
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            ref={inputRef}
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t("imports.upload.fileLabel")}
            onChange={(event) => {
              choose(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
          <svg
            viewBox="0 0 24 24"
            width="28"
            height="28"
            aria-hidden="true"
            className="dropzone__icon"
          >
            <path
              d="M12 16V4m0 0l-4.5 4.5M12 4l4.5 4.5M4 16v3a1 1 0 001 1h14a1 1 0 001-1v-3"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <p className="dropzone__text">{t("imports.upload.dropHere")}</p>
          <button
            type="button"
            className="button button--secondary"
            aria-describedby={ids.limits}
            onClick={() => inputRef.current?.click()}
          >
            {chosen ? t("imports.upload.chooseAnother") : t("imports.upload.chooseFile")}
          </button>
        </div>
        {chosen && (
          <div className="chosen-file" aria-live="polite">
            <p className="chosen-file__name">
              <span className="truncate" title={chosen.file.name}>
                {chosen.file.name}
              </span>
              {check?.ok && (
                <span className="muted">
                  {" "}
                  ·{" "}
                  {t("imports.upload.rowCount", {
                    count: check.rowCount,
                    formatted: n(check.rowCount),
                  })}
                </span>
              )}
              {!check && <span className="muted"> · {t("imports.upload.checking")}</span>}
            </p>
            {check && !check.ok && (
              <div className="alert alert--error import-alert" role="alert">
                <p className="import-alert__title">{t("imports.upload.fileRefused")}</p>
                <ul className="import-alert__list">
                  {check.errors.map((e, i) => (
                    <li key={i}>{say(e)}</li>
                  ))}
                </ul>
              </div>
            )}
            {check?.ok && check.warnings.length > 0 && (
              <div className="alert alert--warning import-alert">
                <ul className="import-alert__list">
                  {check.warnings.map((w, i) => (
                    <li key={i}>{say(w)}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
      </section>

      <fieldset className="card csv-import__section behaviour-group">
        <legend className="card__title behaviour-group__legend">
          {t("imports.upload.behaviourTitle")}
        </legend>
        {IMPORT_BEHAVIOURS.map((b) => {
          const id = `${ids.behaviour}-${b}`;
          return (
            <div
              key={b}
              className={`behaviour-option${behaviour === b ? " behaviour-option--checked" : ""}`}
            >
              <input
                type="radio"
                id={id}
                name="behaviour"
                value={b}
                checked={behaviour === b}
                onChange={() => setBehaviour(b)}
                aria-describedby={`${id}-hint`}
              />
              <div>
                <label htmlFor={id} className="behaviour-option__label">
                  {t(`imports.behaviour.${b}.label`)}
                  {b === RECOMMENDED_BEHAVIOUR && (
                    <span className="badge badge--info behaviour-option__badge">
                      {t("imports.upload.recommended")}
                    </span>
                  )}
                </label>
                <p id={`${id}-hint`} className="behaviour-option__hint">
                  {t(`imports.behaviour.${b}.hint`)}
                </p>
              </div>
            </div>
          );
        })}
      </fieldset>

      {openPreview && (
        <div className="alert alert--warning import-alert" role="alert">
          <p className="import-alert__title">{t("imports.upload.previewExistsTitle")}</p>
          <p>
            <ErrorMessage error={upload.error} />
          </p>
          <p className="import-alert__actions">
            <Link
              to={paths.controlHub.importPreview.getHref(customerId, openPreview)}
              className="button button--primary"
            >
              {t("imports.upload.openExisting")}
            </Link>
            <button
              type="button"
              className="button button--secondary"
              disabled={upload.isPending}
              onClick={() => send(true)}
            >
              {t("imports.upload.uploadAnyway")}
            </button>
          </p>
        </div>
      )}
      {upload.isError && !openPreview && (
        <ImportProblemAlert
          customerId={customerId}
          error={upload.error}
          title={t("imports.upload.uploadRefused")}
        />
      )}

      <div className="import-actions">
        <div className="import-actions__main">
          <button type="submit" className="button button--primary" disabled={!canUpload}>
            {upload.isPending ? t("imports.upload.uploading") : t("imports.upload.submit")}
          </button>
        </div>
        <div className="import-actions__side">
          <Link to={paths.controlHub.users.getHref(customerId)} className="button button--ghost">
            {t("imports.preview.cancel")}
          </Link>
        </div>
      </div>
    </form>
  );
}
