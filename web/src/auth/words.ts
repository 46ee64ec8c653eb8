/** Roles and who they are, in words (the API's roles: src/auth/principal.ts). */
import type { Role } from "../__generated__/graphql";

export const ROLE_WORDS: Record<Role, string> = {
  SCHOOL: "school",
  SYSTEM_LEADER: "system leader",
  OVERSIGHT: "oversight",
  ADMIN: "admin",
};

/** "a, b or c". */
export function either(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
