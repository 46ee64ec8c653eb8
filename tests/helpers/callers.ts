/** The callers a regional write is tried with, for `it.each` tables. */

/**
 * Anonymous callers, schools, system leaders and oversight of `otherRegion` are refused; oversight
 * of `region` and admins may write. The school's claims carry no URN: the test adds the school's
 * own when it signs the token.
 */
export function regionalWriters(region: string, otherRegion: string) {
  return [
    { caller: "anonymous", claims: null, expected: "UNAUTHENTICATED" },
    { caller: "school", claims: { role: "SCHOOL" }, expected: "FORBIDDEN" },
    {
      caller: "system leader",
      claims: { role: "SYSTEM_LEADER", systemLeaderId: "leader-x" },
      expected: "FORBIDDEN",
    },
    {
      caller: "oversight (other region)",
      claims: { role: "OVERSIGHT", regionCodes: [otherRegion] },
      expected: "FORBIDDEN",
    },
    {
      caller: "oversight (own region)",
      claims: { role: "OVERSIGHT", regionCodes: [region] },
      expected: null,
    },
    { caller: "admin", claims: { role: "ADMIN" }, expected: null },
  ] as const;
}
