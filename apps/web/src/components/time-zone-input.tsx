import { timeZoneNames } from "@partner-hub/shared";
import { useId, useMemo } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ControlProps } from "./ui/form-field.tsx";

/**
 * An IANA time zone, searchable as you type: a native datalist, which keyboards and screen
 * readers know, over the zones the runtime lists (the API accepts the same list).
 */
export function TimeZoneInput({
  control,
  registered,
}: {
  control: ControlProps;
  registered: UseFormRegisterReturn;
}) {
  const listId = useId();
  const zones = useMemo(() => timeZoneNames(), []);
  return (
    <>
      <input
        className="input"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        {...control}
        {...registered}
      />
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </>
  );
}
