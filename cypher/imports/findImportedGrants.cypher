// findImportedGrants: grants already imported under the keys of a file, with their recipient and stored shares (ImportRepository.readState)
// params: $keys: list<string>   returns: one grant map per key found, in no order
UNWIND $keys AS key
MATCH (g:Grant {importKey: key})
RETURN g {
  .id, .importKey, .fund, .fundName, .amountPence, .matchedPence, .matchedBy, .funder,
  .awardedOn, .startsOn, .endsOn, .purpose,
  recipientUrn: COLLECT { MATCH (g)-[:AWARDED_TO]->(s:Establishment) RETURN s.urn }[0],
  recipientPartnershipId: COLLECT { MATCH (g)-[:AWARDED_TO]->(p:Partnership) RETURN p.id }[0],
  shares: COLLECT {
    MATCH (g)-[l:LANDS_ON]->(s:Establishment)
    RETURN {urn: s.urn, pupils: l.pupils, awardedPence: l.awardedPence, matchedPence: l.matchedPence}
  }
} AS grant
