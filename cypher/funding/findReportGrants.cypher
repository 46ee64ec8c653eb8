// findReportGrants: grants awarded in a window with the shares of them that landed on the area's schools (FundingRepository.reportGrants)
// Shares are read as stored at award (LANDS_ON), never recut from today's members, so a grant's
// money stays where it went when it was awarded, a school that has closed since included (its
// figures as they were when it closed). England also returns grants with no stored
// share, so their money is reported as unallocated rather than dropped.
// An open end of the window stands for the farthest date Neo4j holds, so the window is always
// a range seek on the award-date index; `$from IS NULL OR ...` would read every grant instead.
// params: $laCode: int?, $regionCode: string?, $from: string?, $to: string?, $limit: int   returns: one row per grant, in (awardedOn, id) order
MATCH (g:Grant)
WHERE g.awardedOn >= date(coalesce($from, "-999999999-01-01"))
  AND g.awardedOn <= date(coalesce($to, "+999999999-12-31"))
WITH g, COLLECT {
    MATCH (g)-[l:LANDS_ON]->(s:Establishment)
    WHERE ($laCode IS NULL OR s.laCode = $laCode)
      AND ($regionCode IS NULL OR s.regionCode = $regionCode)
    RETURN l { .awardedPence, .matchedPence,
      school: s { .urn, .laCode, .regionCode, .needBand, .rural, .coastal } }
  } AS shares
WHERE size(shares) > 0 OR ($laCode IS NULL AND $regionCode IS NULL)
RETURN g { .id, .fund, .amountPence, .matchedPence } AS grant, shares
ORDER BY g.awardedOn, g.id
LIMIT $limit
