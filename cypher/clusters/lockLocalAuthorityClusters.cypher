// lockLocalAuthorityClusters: takes the write lock on an LA before its schools' memberships are read (ClusterRepository.adopt)
// Adoptions in one local authority queue here, so each sees the clusters committed before it.
// params: $laCode: int   returns: one row when the LA exists
MATCH (la:LocalAuthority {code: $laCode})
SET la.clustersChangedAt = datetime()
RETURN la.code AS code
