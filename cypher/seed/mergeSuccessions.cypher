// mergeSuccessions: predecessor -> successor links between establishments
// params: $rows: list<{predecessorUrn: int, successorUrn: int, reason: string?,
//         on: "yyyy-mm-dd"?, source}>
UNWIND $rows AS row
MATCH (p:Establishment {urn: row.predecessorUrn})
MATCH (s:Establishment {urn: row.successorUrn})
MERGE (p)-[r:SUCCEEDED_BY]->(s)
SET r.reason = row.reason, r.on = date(row.on), r.source = row.source
