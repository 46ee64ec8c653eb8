// mergePartnerships: upsert partnerships from GIAS groups
// params: $rows: list<{id, giasUid: int, name, type, status, companiesHouseNumber?,
//         openedOn: "yyyy-mm-dd"?, closedOn: "yyyy-mm-dd"?, source}>
UNWIND $rows AS row
MERGE (p:Partnership {id: row.id})
SET p.name = row.name,
  p.type = row.type,
  p.status = row.status,
  p.giasUid = row.giasUid,
  p.companiesHouseNumber = row.companiesHouseNumber,
  p.openedOn = date(row.openedOn),
  p.closedOn = date(row.closedOn),
  p.source = row.source
