// findLocalAuthoritiesByCodes: local authorities for a batch of 3-digit codes (LocalAuthorityLoader)
// params: $codes: list<int>   returns: one LA map per code found, with its regionCode, and its region's map (null if none), in no order
UNWIND $codes AS code
MATCH (la:LocalAuthority {code: code})
OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
RETURN la {.*, regionCode: r.code} AS localAuthority, r {.*} AS region
