// createSystemLeader: a system leader designated through the API, based at an open school, with its holder (EngagementRepository.designate)
// A person's designation (NLE, LLE, SLE) serves the base school's phase and an NLG any phase,
// as the seeded ones do; a person holds it through a Leader (named, or the post when unnamed),
// and a Teaching School Hub is held by its school.
// params: $id: string, $urn: int, $designation: string, $name: string|null, $specialisms: list<string>, $capacity: int, $createdBy: string   returns: the leader with its holder, or no row when no school has the URN
MATCH (s:School {urn: $urn})
CREATE (l:SystemLeader {
  id: $id,
  designation: $designation,
  name: coalesce($name, s.name),
  phase: CASE WHEN $designation IN ["NLG", "TEACHING_SCHOOL_HUB"] THEN null ELSE s.phase END,
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
WITH s, l
CALL (s, l) {
  WITH s, l WHERE $designation = "TEACHING_SCHOOL_HUB"
  CREATE (s)-[:DESIGNATED_AS]->(l)
  RETURN null AS holder
UNION
  WITH s, l WHERE $designation <> "TEACHING_SCHOOL_HUB"
  CREATE (h:Leader {
    id: "svc-holder-" + $id,
    name: coalesce($name, CASE $designation WHEN "NLG" THEN "Chair of governors of " ELSE "Headteacher of " END + s.name),
    named: $name IS NOT NULL,
    role: CASE $designation WHEN "NLG" THEN "Chair of governors" ELSE "Headteacher" END,
    synthetic: false,
    source: "service",
    createdBy: $createdBy
  })-[:DESIGNATED_AS]->(l)
  RETURN h AS holder
}
RETURN l { .*, holder: holder { .id, .name, .synthetic }, openEngagements: 0 } AS leader
