// findImportedAssignments: adviser assignments already imported under the keys of a file (ImportRepository.readState)
// params: $keys: list<string>   returns: one row per key found, in no order
UNWIND $keys AS key
MATCH (a:Adviser)-[r:ADVISES {importKey: key}]->(s:School)
RETURN key AS importKey, a.id AS adviserId, s.urn AS urn, r.since AS since
