// mergeMemberships: schools' membership of partnerships
// also changes: memberships
// params: $rows: list<{urn: int, partnershipId, joinedOn: "yyyy-mm-dd"?, source}>
UNWIND $rows AS row
MATCH (s:School {urn: row.urn})
MATCH (p:Partnership {id: row.partnershipId})
MERGE (s)-[m:MEMBER_OF]->(p)
SET m.joinedOn = date(row.joinedOn), m.source = row.source
