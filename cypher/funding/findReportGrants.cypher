// findReportGrants: grants awarded in a window with some current recipient school in the area, each with every school it lands on now (FundingRepository.reportGrants)
// A grant to a school lands on the school; one to a partnership on its current members (for a
// School Improvement Board, the members of the clusters it oversees), in or out of the area,
// since every member's pupils decide the shares. England includes grants to partnerships with
// no members now, so their money is reported as unallocated.
// An open end of the window stands for the farthest date Neo4j holds, so the window is always
// a range seek on the award-date index; `$from IS NULL OR ...` would read every grant instead.
// params: $laCode: int?, $regionCode: string?, $from: string?, $to: string?, $limit: int   returns: one row per grant, in (awardedOn, id) order
MATCH (g:Grant)
WHERE g.awardedOn >= date(coalesce($from, "-999999999-01-01"))
  AND g.awardedOn <= date(coalesce($to, "+999999999-12-31"))
MATCH (g)-[:AWARDED_TO]->(r)
WITH g, CASE WHEN r:School THEN [r] ELSE COLLECT {
    MATCH (s:School)-[m:MEMBER_OF]->(:Partnership)-[:OVERSEEN_BY*0..1]->(r)
    WHERE m.leavingOn IS NULL OR m.leavingOn > date()
    RETURN DISTINCT s
  } END AS schools
WHERE ($laCode IS NULL AND $regionCode IS NULL)
  OR any(s IN schools WHERE ($laCode IS NULL OR s.laCode = $laCode)
    AND ($regionCode IS NULL OR s.regionCode = $regionCode))
RETURN g { .id, .fund, .amountPence, .matchedPence } AS grant,
  [s IN schools | s { .urn, .pupils, .laCode, .regionCode, .needBand, .rural, .coastal }] AS schools
ORDER BY g.awardedOn, g.id
LIMIT $limit
