// createBoard: a School Improvement Board with its chair, members and the council advising it (ClusterRepository.adopt)
// params: $laCode: int, $createdBy: string, $board: map{id: string, name: string, chair: map{id: string, name: string, organisation: string?}, members: list<map{id: string, name: string, role: string, urn: int?}>}   returns: the board id
MATCH (la:LocalAuthority {code: $laCode})
MATCH (model:CollaborationModel {id: "school-improvement-board"})
CREATE (b:Partnership {
  id: $board.id, name: $board.name, type: "SCHOOL_IMPROVEMENT_BOARD", status: "Open",
  openedOn: date(), source: "service", createdBy: $createdBy, membersChangedAt: datetime()
})
CREATE (b)-[:FOLLOWS_MODEL]->(model)
CREATE (la)-[:ADVISES {role: "COUNCIL", key: $board.id + "|COUNCIL", source: "service"}]->(b)
CREATE (chair:Leader {
  id: $board.chair.id, name: $board.chair.name, organisation: $board.chair.organisation,
  source: "service", independent: true, createdBy: $createdBy
})
CREATE (chair)-[:CHAIRS {source: "service"}]->(b)
WITH b
CALL (b) {
  UNWIND $board.members AS member
  CREATE (l:Leader {id: member.id, name: member.name, source: "service", createdBy: $createdBy})
  CREATE (l)-[:SITS_ON {role: member.role, source: "service"}]->(b)
  WITH l, member
  MATCH (s:School {urn: member.urn})
  CREATE (l)-[:REPRESENTS {source: "service"}]->(s)
}
RETURN b.id AS id
