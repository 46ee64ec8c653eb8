/** A person as GIAS names them; GIAS publishes no identifier for people. */
export interface LeaderName {
  title: string | null;
  firstName: string | null;
  lastName: string | null;
}

export function fullName({ firstName, lastName }: LeaderName): string {
  return [firstName, lastName].filter((part) => part !== null).join(" ");
}

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A deterministic id from the post and the person's name, e.g.
 * "gias-head-115850-richard-mead": reloading the same data finds the same node, and a new head of
 * the same school is a new person rather than a rename of the previous one.
 */
export function leaderId(post: string, person: LeaderName): string {
  return `${post}-${slug(fullName(person))}`;
}
