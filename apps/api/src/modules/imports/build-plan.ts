import type { RowResult, TargetUser } from "@partner-hub/shared";
import { auditSnapshot, type EditableUserColumns } from "../audit/record-audit.ts";
import type { LoadedImportContext } from "./load-import-context.ts";

/** The user columns a row writes. */
export interface PlanFields extends EditableUserColumns {
  emailLower: string;
}

/**
 * What applying one row does, fixed when the admin confirms. Modify and remove carry the version
 * they were validated against: if someone changes the user before the row's turn, the row fails
 * with a message instead of overwriting that change.
 */
export type RowPlan =
  | { kind: "add"; fields: PlanFields; after: Record<string, unknown> }
  | {
      kind: "modify";
      userId: string;
      version: number;
      fields: PlanFields;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }
  | {
      kind: "remove";
      userId: string;
      version: number;
      email: string;
      before: Record<string, unknown>;
    };

function fieldsOf(target: TargetUser, locationIdByName: Map<string, string>): PlanFields {
  const licences = new Set(target.baseLicences);
  return {
    email: target.email,
    emailLower: target.email.trim().toLowerCase(),
    firstName: target.firstName,
    lastName: target.lastName,
    displayName: target.displayName,
    package: target.package,
    phoneNumber: target.phoneNumber,
    extension: target.extension,
    locationId: target.locationName
      ? (locationIdByName.get(target.locationName.trim().toLowerCase()) ?? null)
      : null,
    preferredWebexSite: target.preferredWebexSite,
    basicMessaging: licences.has("basic_messaging"),
    basicSpaceMeetings: licences.has("basic_space_meetings"),
    callOnWebex: licences.has("call_on_webex"),
  };
}

export function buildPlans(
  rows: readonly RowResult[],
  loaded: LoadedImportContext,
): Map<number, RowPlan> {
  const locationIdByName = new Map(
    loaded.locations.map((l) => [l.name.trim().toLowerCase(), l.id]),
  );
  const locationNameById = new Map(loaded.locations.map((l) => [l.id, l.name]));
  const plans = new Map<number, RowPlan>();
  for (const r of rows) {
    if (r.outcome === "add" && r.target) {
      const fields = fieldsOf(r.target, locationIdByName);
      plans.set(r.rowNumber, {
        kind: "add",
        fields,
        after: auditSnapshot({ ...fields, status: "pending" }, r.target.locationName),
      });
      continue;
    }
    const user = r.userId ? loaded.usersById.get(r.userId) : undefined;
    if (!user) continue;
    const before = auditSnapshot(
      user,
      user.locationId ? (locationNameById.get(user.locationId) ?? null) : null,
    );
    if (r.outcome === "modify" && r.target) {
      const fields = {
        ...fieldsOf(r.target, locationIdByName),
        email: user.email,
        emailLower: user.emailLower,
      };
      plans.set(r.rowNumber, {
        kind: "modify",
        userId: user.id,
        version: user.version,
        fields,
        before,
        after: auditSnapshot({ ...fields, status: user.status }, r.target.locationName),
      });
    } else if (r.outcome === "remove") {
      plans.set(r.rowNumber, {
        kind: "remove",
        userId: user.id,
        version: user.version,
        email: user.email,
        before,
      });
    }
  }
  return plans;
}
