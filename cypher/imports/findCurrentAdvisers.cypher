// findCurrentAdvisers: the adviser each school has of a kind, through the ADVISES key "<urn>|<kind>" (ImportRepository.readState)
// params: $slots: list<string>   returns: one row per slot taken, in no order
UNWIND $slots AS slot
MATCH (a:Adviser)-[r:ADVISES {key: slot}]->(s:School)
RETURN s.urn AS urn, a.kind AS kind, a.id AS adviserId, a.name AS adviserName, r.importKey AS importKey
