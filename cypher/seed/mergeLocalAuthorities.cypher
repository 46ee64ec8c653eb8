// mergeLocalAuthorities: upsert local authorities and link each to its region
// params: $rows: list<{code: int, name: string, gssCode: string?, regionCode: string,
//         closedOn: "yyyy-mm-dd"?, successorCodes: list<int>?}>
// An authority abolished since the census (Cumbria, 909) keeps its node, closed, naming the
// authorities its schools moved to.
UNWIND $rows AS row
MERGE (la:LocalAuthority {code: row.code})
SET la.name = row.name, la.gssCode = row.gssCode, la.closedOn = date(row.closedOn),
  la.successorCodes = row.successorCodes
WITH la, row
MATCH (r:Region {code: row.regionCode})
MERGE (la)-[:IN_REGION]->(r)
