// mergeInspections: each school's inspections, graded and ungraded, from every source
// params: $rows: list<{id, urn: int, urnAtInspection: int?, kind, date: "yyyy-mm-dd",
//         publishedOn: "yyyy-mm-dd"?, type?, overall: int?, qualityOfEducation: int?,
//         behaviourAndAttitudes: int?, personalDevelopment: int?, leadershipAndManagement: int?,
//         earlyYears: int?, sixthForm: int?, safeguardingEffective: boolean?, categoryOfConcern?,
//         outcome?, source}>
UNWIND $rows AS row
MATCH (s:Establishment {urn: row.urn})
MERGE (i:Inspection {id: row.id})
SET i.urnAtInspection = row.urnAtInspection,
  i.kind = row.kind,
  i.date = date(row.date),
  i.publishedOn = date(row.publishedOn),
  i.type = row.type,
  i.overall = row.overall,
  i.qualityOfEducation = row.qualityOfEducation,
  i.behaviourAndAttitudes = row.behaviourAndAttitudes,
  i.personalDevelopment = row.personalDevelopment,
  i.leadershipAndManagement = row.leadershipAndManagement,
  i.earlyYears = row.earlyYears,
  i.sixthForm = row.sixthForm,
  i.safeguardingEffective = row.safeguardingEffective,
  i.categoryOfConcern = row.categoryOfConcern,
  i.outcome = row.outcome,
  i.source = row.source
MERGE (s)-[:INSPECTED]->(i)
