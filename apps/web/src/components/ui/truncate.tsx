import type { ReactNode } from "react";

/** One line, cut with an ellipsis; the full text is in the tooltip. */
export function Truncate({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <span className="truncate" title={text}>
      {children ?? text}
    </span>
  );
}
