import {
  CreateLocationInputSchema,
  type CreateLocationInput,
  type Location,
} from "@partner-hub/shared";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { FormField } from "../../../components/ui/form-field.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { fieldErrorMessages, setServerFieldErrors } from "../../../lib/field-errors.ts";
import { schemaResolver } from "../../../lib/schema-resolver.ts";
import { AddressFields } from "../../../components/address-fields.tsx";
import { TimeZoneInput } from "../../../components/time-zone-input.tsx";
import {
  conflictingLocation,
  useCreateLocation,
  useUpdateLocation,
} from "../api/location-writes.ts";

const ERROR_KEYS = {
  name: "locations.errors.name",
  timeZone: "locations.errors.timeZone",
  "address.street": "settings.errors.street",
  "address.city": "settings.errors.city",
  "address.postalCode": "settings.errors.postalCode",
  "address.country": "settings.errors.country",
} as const;
type LocationField = keyof typeof ERROR_KEYS;

function valuesOf(location: Location | null): CreateLocationInput {
  return location
    ? { name: location.name, address: { ...location.address }, timeZone: location.timeZone }
    : {
        name: "",
        address: { street: "", city: "", postalCode: "", country: "SE" },
        timeZone: "Europe/Stockholm",
      };
}

/**
 * Add or edit a location (spec §11): name (unique in the customer ignoring case), address and
 * an IANA time zone, searchable as you type (a native datalist: keyboard and screen readers
 * know it). Content mounts per opening, so each starts from the location as it is now.
 */
export function LocationFormDialog({
  customerId,
  location,
  open,
  onClose,
  onSaved,
}: {
  customerId: string;
  /** null: add a new one. */
  location: Location | null;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: Location) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={location ? t("locations.editTitle", { name: location.name }) : t("locations.addTitle")}
    >
      <LocationForm
        customerId={customerId}
        location={location}
        onClose={onClose}
        onSaved={onSaved}
      />
    </Dialog>
  );
}

function LocationForm({
  customerId,
  location,
  onClose,
  onSaved,
}: {
  customerId: string;
  location: Location | null;
  onClose: () => void;
  onSaved: (saved: Location) => void;
}) {
  const { t } = useTranslation();
  const say = useProblemText();
  const create = useCreateLocation(customerId);
  const update = useUpdateLocation(customerId);
  const [editing, setEditing] = useState(location);
  const [conflict, setConflict] = useState(false);
  const { register, handleSubmit, formState, setError, reset } = useForm<CreateLocationInput>({
    defaultValues: valuesOf(location),
    resolver: schemaResolver(CreateLocationInputSchema),
  });
  const failed = editing ? update : create;

  const messageOf = (field: LocationField) =>
    fieldErrorMessages(formState.errors, field, t(ERROR_KEYS[field]));

  const onSubmit = handleSubmit(async (values) => {
    setConflict(false);
    const input = CreateLocationInputSchema.parse(values);
    try {
      const saved = editing
        ? await update.mutateAsync({ id: editing.id, version: editing.version, input })
        : await create.mutateAsync(input);
      onSaved(saved);
    } catch (error) {
      const current = conflictingLocation(error);
      if (current) {
        setEditing(current);
        reset(valuesOf(current));
        setConflict(true);
        return;
      }
      setServerFieldErrors(error, ERROR_KEYS, setError, say);
    }
  });

  const fieldErrorShown =
    isApiError(failed.error) &&
    (failed.error.problem.errors ?? []).some((e) => e.field && e.field in ERROR_KEYS);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="dialog__body stack">
        <FormField
          label={t("locations.name")}
          hint={t("locations.nameHint")}
          messages={messageOf("name")}
        >
          {(control) => <input className="input" autoFocus {...control} {...register("name")} />}
        </FormField>
        <AddressFields
          register={(line) => register(`address.${line}`)}
          messages={(line) => messageOf(`address.${line}`)}
        />
        <FormField
          label={t("locations.timeZone")}
          hint={t("locations.timeZoneHint")}
          messages={messageOf("timeZone")}
        >
          {(control) => <TimeZoneInput control={control} registered={register("timeZone")} />}
        </FormField>
        {conflict && (
          <div className="alert alert--warning" role="alert">
            {t("locations.conflict")}
          </div>
        )}
        {failed.isError && !conflict && !fieldErrorShown && !conflictingLocation(failed.error) && (
          <div className="alert alert--error" role="alert">
            <ErrorMessage error={failed.error} />
          </div>
        )}
      </div>
      <div className="dialog__footer">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("locations.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          {t("locations.save")}
        </button>
      </div>
    </form>
  );
}
