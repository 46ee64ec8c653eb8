// createSystemLeader: a system leader designated through the API, based at an open school (EngagementRepository.designate)
// params: $id: string, $urn: int, $designation: string, $name: string|null, $specialisms: list<string>, $capacity: int, $createdBy: string   returns: the leader, or no row when no school has the URN
MATCH (s:School {urn: $urn})
CREATE (l:SystemLeader {
  id: $id,
  designation: $designation,
  name: coalesce($name, s.name),
  phase: null,
  specialisms: $specialisms,
  capacity: $capacity,
  capacityListed: true,
  baseUrn: s.urn,
  location: s.location,
  regionCode: s.regionCode,
  laCode: s.laCode,
  synthetic: false,
  source: "service",
  createdBy: $createdBy,
  designatedAt: datetime()
})-[:BASED_AT]->(s)
RETURN l { .*, holder: null, openEngagements: 0 } AS leader
