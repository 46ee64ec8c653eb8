// mergeFormerEstablishments: URNs known only from GIAS links, as Establishment {open: false}
// params: $rows: list<{urn: int, name: string?}>
// A URN that is a School in the graph keeps its School properties and gets no open flag.
UNWIND $rows AS row
MERGE (e:Establishment {urn: row.urn})
WITH e, row
WHERE NOT e:School
SET e.name = coalesce(row.name, e.name), e.open = false
