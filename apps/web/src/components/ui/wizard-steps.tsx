import { useTranslation } from "react-i18next";

/**
 * The numbered step list at the top of a wizard (manual add, create customer): the current step
 * is `aria-current="step"`, those before it show a tick and say "completed" to screen readers.
 */
export function WizardSteps({
  label,
  steps,
  current,
}: {
  label: string;
  /** Each step's key and its (translated) name, in order. */
  steps: readonly { key: string; name: string }[];
  /** Index of the current step. */
  current: number;
}) {
  const { t } = useTranslation();
  return (
    <ol className="wizard__steps" aria-label={label}>
      {steps.map(({ key, name }, i) => (
        <li
          key={key}
          className={`wizard__step${i === current ? " wizard__step--current" : ""}${i < current ? " wizard__step--done" : ""}`}
          aria-current={i === current ? "step" : undefined}
        >
          <span className="wizard__step-number" aria-hidden="true">
            {i < current ? "✓" : i + 1}
          </span>
          {name}
          {i < current && <span className="visually-hidden"> ({t("wizard.stepDone")})</span>}
        </li>
      ))}
    </ol>
  );
}
