// mergePlaceholderLeaders: upsert the synthetic Leader standing in for a designated person no source names ("Headteacher of <school>")
// params: $rows: list<map{id: string, name: string, role: string, source: string}>
UNWIND $rows AS row
MERGE (p:Leader {id: row.id})
SET p.name = row.name, p.role = row.role, p.synthetic = true, p.source = row.source
