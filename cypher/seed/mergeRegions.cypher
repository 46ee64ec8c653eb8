// mergeRegions: upsert the English regions
// params: $rows: list<{code: string, name: string}>
UNWIND $rows AS row
MERGE (r:Region {code: row.code})
SET r.name = row.name
