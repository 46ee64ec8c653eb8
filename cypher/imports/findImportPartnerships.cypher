// findImportPartnerships: the partnerships an import names, with the regions of all their members and the schools a grant would land on now (ImportRepository.readState)
// Regions of every member are what registerAdviser authorises an employer by (advisers/findEmployer);
// recipients are what recordGrant cuts money over (funding/findRecipient): current members, a
// School Improvement Board's being the current members of the clusters it oversees.
// params: $ids: list<string>   returns: one row per partnership found, in no order
UNWIND $ids AS id
MATCH (p:Partnership {id: id})
RETURN p.id AS id,
  COLLECT {
    MATCH (s:School)-[:MEMBER_OF]->(p) WHERE s.regionCode IS NOT NULL RETURN DISTINCT s.regionCode
  } AS memberRegionCodes,
  COLLECT {
    MATCH (m:School)-[r:MEMBER_OF]->(:Partnership)-[:OVERSEEN_BY*0..1]->(p)
    WHERE r.leavingOn IS NULL OR r.leavingOn > date()
    RETURN DISTINCT m { .urn, .pupils, .regionCode }
  } AS recipients
