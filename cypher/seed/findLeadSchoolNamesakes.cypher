// findLeadSchoolNamesakes: open state-funded schools of a region whose name holds every word given, to correct a Teaching School Hub's lead school listed outside its region group (loadTeachingSchoolHubs)
// params: $regionCode: string, $words: list<string> (lower case)   returns: one row per school: urn, name
MATCH (s:School {regionCode: $regionCode})
WHERE s.stateFunded = true AND s.status STARTS WITH 'Open'
  AND all(word IN $words WHERE toLower(s.name) CONTAINS word)
RETURN s.urn AS urn, s.name AS name
ORDER BY urn
