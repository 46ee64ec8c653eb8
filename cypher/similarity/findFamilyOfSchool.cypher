// findFamilyOfSchool: the family a school is in for one run, the current run when no version is given (SimilarityRepository.findFamilyOfSchool)
// A school has one IN_FAMILY per run, so starting from it and filtering on the version is a
// short walk whatever the number of runs kept.
// params: $urn: int, $version: int?   returns: at most one row: the family's properties and the school's membership
OPTIONAL MATCH (current:FamilyRun)
WHERE current.current = true
WITH current ORDER BY current.version DESC LIMIT 1
WITH coalesce($version, current.version) AS version
MATCH (:School {urn: $urn})-[membership:IN_FAMILY]->(family:Family)
WHERE membership.version = version
RETURN family {.*} AS family, membership {.*} AS membership
LIMIT 1
