import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ReadOnlyNote } from "../../../components/read-only-note.tsx";
import { paths } from "../../../config/paths.ts";
import { csvTemplateHref, usersCsvExportHref } from "../../../lib/csv-downloads.ts";

/**
 * The Manage users menu. Items appear as their features ship; there are no disabled
 * placeholders. Radix gives the menu its roles, arrow-key
 * navigation, typeahead, Escape and focus return.
 */
export function ManageUsersMenu({
  customerId,
  canChange = true,
  readOnly = false,
}: {
  customerId: string;
  /** False while the customer is not active: only the downloads are offered. */
  canChange?: boolean;
  /** A read-only role: the downloads, and a note saying why there is nothing else. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="button button--primary">
          {t("users.manageUsers")}
          <svg
            viewBox="0 0 12 12"
            width="12"
            height="12"
            aria-hidden="true"
            className="button__chevron"
          >
            <path
              d="M2.5 4.5L6 8l3.5-3.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="menu"
          align="end"
          sideOffset={6}
          aria-describedby={readOnly ? noteId : undefined}
        >
          {readOnly && <ReadOnlyNote id={noteId} inMenu />}
          {canChange && !readOnly && (
            <>
              <DropdownMenu.Item asChild className="menu__item">
                <Link to={paths.controlHub.addUsers.getHref(customerId)}>
                  {t("users.addManually")}
                </Link>
              </DropdownMenu.Item>
              <DropdownMenu.Item asChild className="menu__item">
                <Link to={paths.controlHub.importUsers.getHref(customerId)}>
                  {t("users.csvAddOrEdit")}
                </Link>
              </DropdownMenu.Item>
            </>
          )}
          <DropdownMenu.Item asChild className="menu__item">
            <a href={usersCsvExportHref(customerId)} download>
              {t("users.exportCsv")}
            </a>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className="menu__item">
            <a href={csvTemplateHref(customerId)} download>
              {t("users.downloadTemplate")}
            </a>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
