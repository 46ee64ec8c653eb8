// updateGrants: imported grants whose row changed, with their shares cut again over the schools they first landed on (ImportRepository.write)
// params: $grants: list<map{id: string, grant: map, awardedOn: string, startsOn: string, endsOn: string, shares: list<map{urn: int, awardedPence: int, matchedPence: int}>}>, $updatedBy: string   returns: grants changed and shares rewritten
UNWIND $grants AS row
MATCH (g:Grant {id: row.id})
SET g += row.grant, g.awardedOn = date(row.awardedOn), g.startsOn = date(row.startsOn),
  g.endsOn = date(row.endsOn), g.updatedBy = $updatedBy, g.updatedAt = datetime()
WITH g, row
CALL (g, row) {
  UNWIND row.shares AS share
  MATCH (g)-[l:LANDS_ON]->(:School {urn: share.urn})
  SET l.awardedPence = share.awardedPence, l.matchedPence = share.matchedPence
  RETURN count(l) AS landed
}
RETURN count(g) AS updated, sum(landed) AS landed
