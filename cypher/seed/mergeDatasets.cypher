// mergeDatasets: upsert the provenance record of every source and derived figure
// params: $rows: list<{id, title, publisher, period, licence, attribution, origin, description}>
UNWIND $rows AS row
MERGE (d:Dataset {id: row.id})
SET d += row
