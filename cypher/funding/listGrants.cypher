// listGrants: one page of grants with a share landing on a school in the area, newest award first (FundingRepository.list)
// The area is matched on the shares stored at award (LANDS_ON), like the funding report, so a
// grant stays listed where its money went even after the recipient's members change or a school
// it landed on closes.
// Grants are walked down the award-date index from the cursor, so a page stops reading once it
// is full instead of sorting every grant ever recorded.
// params: $laCode: int?, $regionCode: string?, $afterAwardedOn: string?, $afterId: string?, $limit: int   returns: grant map per row, in (awardedOn desc, id) order
MATCH (g:Grant)
WHERE g.awardedOn <= date(coalesce($afterAwardedOn, "+999999999-12-31"))
MATCH (g)-[:AWARDED_TO]->(r)
WHERE ($afterId IS NULL OR g.awardedOn < date($afterAwardedOn)
    OR (g.awardedOn = date($afterAwardedOn) AND g.id > $afterId))
  AND (($laCode IS NULL AND $regionCode IS NULL)
    OR EXISTS {
      MATCH (g)-[:LANDS_ON]->(s:Establishment)
      WHERE ($laCode IS NULL OR s.laCode = $laCode)
        AND ($regionCode IS NULL OR s.regionCode = $regionCode)
    })
RETURN g { .*,
  recipientUrn: CASE WHEN r:Establishment THEN r.urn END,
  recipientPartnershipId: CASE WHEN r:Partnership THEN r.id END } AS grant
ORDER BY g.awardedOn DESC, g.id
LIMIT $limit
