// mergePartnershipLeaders: the head of group GIAS names for a partnership
// params: $rows: list<{id, partnershipId, title?, firstName?, lastName?, name, role, source,
//         asOf: "yyyy-mm-dd"?}>
// GIAS publishes no start date, so since is null; asOf is the extract's date, when dated. One head per partnership: the newest source's;
// a head an older extract named is no longer linked.
UNWIND $rows AS row
MATCH (p:Partnership {id: row.partnershipId})
MERGE (l:Leader {id: row.id})
SET l.title = row.title,
  l.firstName = row.firstName,
  l.lastName = row.lastName,
  l.name = row.name,
  l.source = row.source
MERGE (l)-[r:LEADS]->(p)
SET r.role = row.role, r.since = null, r.source = row.source, r.asOf = date(row.asOf)
WITH p, l, row
CALL (p, l, row) {
  MATCH (other:Leader)-[old:LEADS {role: row.role}]->(p)
  WHERE other <> l
  DELETE old
}
