// A precedence as a badge: FLASH and NIACT IMMEDIATE unmistakable (red, bold, an alarm sign), the rest calmer.
import { isAlerting, isPrecedence, type Precedence } from "../../../src/core/index.ts";

const tone: Record<Precedence, string> = {
  FLASH: "danger",
  "NIACT IMMEDIATE": "danger",
  IMMEDIATE: "warning",
  PRIORITY: "info",
  ROUTINE: "muted",
};

type Props = { precedence: string | null };

export function PrecedenceBadge({ precedence }: Props) {
  if (!precedence) return null;
  const known = isPrecedence(precedence) ? precedence : null;
  const urgent = isAlerting(known);
  return (
    <span
      className={`badge badge-${known ? tone[known] : "muted"}`}
      title={urgent ? "Alerts the duty officer at any hour" : undefined}
    >
      {urgent ? "⚠ " : ""}
      {precedence}
    </span>
  );
}
