// findFirstMembersByPartnershipIds: the first page of member schools of each partnership, in (name, urn) order (PartnershipMembersLoader)
// The usual case of findMembersByPartnershipIds: every key asks for the first $limit members, so
// each partnership's members are sorted and cut inside its subquery, and only the page is read.
// params: $properties: list<string>? (null: every property of each school), $ids: list<string>, $limit: int   returns: one row per id whose partnership exists, with the member total and `members` as findMembersByPartnershipIds returns them
UNWIND $ids AS id
MATCH (p:Partnership {id: id})
CALL (p) {
  MATCH (s)-[m:MEMBER_OF]->(p)
  WITH s, m ORDER BY s.name, s.urn LIMIT $limit
  RETURN collect([CASE WHEN $properties IS NULL THEN properties(s)
    ELSE [property IN $properties | s[property]] END, toString(m.joinedOn)]) AS members
}
RETURN id, COUNT { (p)<-[:MEMBER_OF]-() } AS total, members
