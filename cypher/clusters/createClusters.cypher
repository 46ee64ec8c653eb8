// createClusters: CLUSTER partnerships overseen by a board, with their member schools (ClusterRepository.adopt)
// also changes: memberships
// Memberships are made as proposals make them: key <partnershipId>|<urn> (unique by constraint), joinedOn, source.
// params: $boardId: string, $createdBy: string, $clusters: list<map{id: string, name: string, urns: list<int>}>   returns: one row per cluster: id, members (count)
MATCH (b:Partnership {id: $boardId})
MATCH (model:CollaborationModel {id: "cluster"})
UNWIND $clusters AS cluster
CREATE (c:Partnership {
  id: cluster.id, name: cluster.name, type: "CLUSTER", status: "Open",
  openedOn: date(), source: "service", createdBy: $createdBy, membersChangedAt: datetime()
})
CREATE (c)-[:FOLLOWS_MODEL]->(model)
CREATE (c)-[:OVERSEEN_BY]->(b)
WITH c, cluster
CALL (c, cluster) {
  UNWIND cluster.urns AS urn
  MATCH (s:School {urn: urn})
  CREATE (s)-[:MEMBER_OF {key: c.id + "|" + toString(urn), joinedOn: date(), source: "service"}]->(c)
  RETURN count(*) AS members
}
RETURN c.id AS id, members
