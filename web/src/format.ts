/** Words and numbers as people in schools read them. */
import type { Phase } from "./__generated__/graphql";

const PHASES: Record<Phase, string> = {
  ALL_THROUGH: "All-through",
  ALTERNATIVE_PROVISION: "Alternative provision",
  NOT_APPLICABLE: "Not applicable",
  NURSERY: "Nursery",
  PRIMARY: "Primary",
  SECONDARY: "Secondary",
  SIXTEEN_PLUS: "16 plus",
  SPECIAL: "Special",
};

export function phaseName(phase: Phase | null | undefined): string | null {
  return phase ? PHASES[phase] : null;
}

/** Ofsted's four-point scale, as its reports word it. */
const JUDGEMENTS = ["Outstanding", "Good", "Requires improvement", "Inadequate"];

export function judgement(grade: number | null | undefined): string | null {
  return grade ? (JUDGEMENTS[grade - 1] ?? null) : null;
}

export function date(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? iso
    : parsed.toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
}

export function words(upperSnake: string | null | undefined): string | null {
  if (!upperSnake) return null;
  const text = upperSnake.toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function figure(value: number, percent: boolean): string {
  return percent ? `${value.toFixed(1)}%` : Math.round(value).toLocaleString("en-GB");
}
