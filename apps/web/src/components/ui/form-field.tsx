import { useId, type ReactNode } from "react";

export interface FieldMessage {
  text: string;
  severity: "error" | "warning";
}

export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A label, a control and the messages about it. The control gets aria-invalid when an error is
 * shown and aria-describedby pointing at the hint and messages, so a screen reader reads them
 * with the field.
 */
export function FormField({
  label,
  id: givenId,
  hint,
  messages = [],
  className,
  children,
}: {
  label: string;
  id?: string;
  hint?: string;
  messages?: readonly FieldMessage[];
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = `${id}-hint`;
  const messagesId = `${id}-messages`;
  const describedBy = [hint ? hintId : null, messages.length > 0 ? messagesId : null]
    .filter(Boolean)
    .join(" ");
  const invalid = messages.some((m) => m.severity === "error");
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {messages.length > 0 && (
        <div id={messagesId} className="field__messages">
          {messages.map((m, i) => (
            <p key={i} className={`field__message field__message--${m.severity}`}>
              {m.text}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
