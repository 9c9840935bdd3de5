export type BadgeTone = "success" | "info" | "warning" | "neutral" | "danger";

export function Badge({ tone, children }: { tone: BadgeTone; children: string }) {
  return (
    <span className={`badge badge--${tone}`}>
      <span className="badge__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
