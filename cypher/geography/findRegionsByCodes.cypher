// findRegionsByCodes: regions for a batch of codes (RegionLoader)
// params: $codes: list<string>   returns: one region map per code found, in no order
UNWIND $codes AS code
MATCH (r:Region {code: code})
RETURN r {.*} AS region
