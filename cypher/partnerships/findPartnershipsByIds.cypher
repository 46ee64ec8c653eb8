// findPartnershipsByIds: partnerships for a batch of ids, with their member counts (PartnershipLoader)
// params: $ids: list<string>   returns: one partnership map per id found, dates as text (see cypher/README.md), in no order
UNWIND $ids AS id
MATCH (p:Partnership {id: id})
RETURN p {.*, openedOn: toString(p.openedOn), memberCount: COUNT { (p)<-[:MEMBER_OF]-(:School) }} AS partnership
