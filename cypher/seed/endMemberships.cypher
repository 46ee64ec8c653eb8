// endMemberships: memberships that ended by the newest source, kept as history
// also changes: memberships
// params: $rows: list<{urn: int, partnershipId, joinedOn: "yyyy-mm-dd"?, source,
//         leftOn: "yyyy-mm-dd"?, leftBy: "yyyy-mm-dd", leftSource, reason}>
// A current MEMBER_OF becomes a WAS_MEMBER_OF with when and why it ended; memberships made in
// the service are never ended here.
UNWIND $rows AS row
MATCH (s:Establishment {urn: row.urn})
MATCH (p:Partnership {id: row.partnershipId})
OPTIONAL MATCH (s)-[current:MEMBER_OF]->(p)
WITH s, p, row, current
WHERE current IS NULL OR current.source <> "service"
FOREACH (_ IN CASE WHEN current IS NULL THEN [] ELSE [1] END | DELETE current)
MERGE (s)-[m:WAS_MEMBER_OF]->(p)
SET m.joinedOn = date(row.joinedOn),
  m.source = row.source,
  m.leftOn = date(row.leftOn),
  m.leftBy = date(row.leftBy),
  m.leftSource = row.leftSource,
  m.reason = row.reason
