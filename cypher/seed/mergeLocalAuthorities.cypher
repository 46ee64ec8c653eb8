// mergeLocalAuthorities: upsert local authorities and link each to its region
// params: $rows: list<{code: int, name: string, gssCode: string?, regionCode: string}>
UNWIND $rows AS row
MERGE (la:LocalAuthority {code: row.code})
SET la.name = row.name, la.gssCode = row.gssCode
WITH la, row
MATCH (r:Region {code: row.regionCode})
MERGE (la)-[:IN_REGION]->(r)
