// carryOffers: copies the offers and seeks recorded for a closed school to the open school that replaced it, when that school has recorded none (writeSuccessions)
// params: $successorUrns: list<int>? (null: every open school)   returns: one row: carried (schools given a predecessor's offers)
// Predecessors are followed back along SUCCEEDED_BY up to three links, through closed
// establishments only; the nearest with offers wins, then the most recently updated, then the
// lowest URN. offersFromUrn names the school they were recorded for (carried along a chain, the
// first one). A school with offerUpdatedAt is left alone, so running it again changes nothing.
MATCH (s:School)
WHERE s.offerUpdatedAt IS NULL AND ($successorUrns IS NULL OR s.urn IN $successorUrns)
MATCH path = (p:Establishment)-[:SUCCEEDED_BY*1..3]->(s)
WHERE NOT p:School AND p.offerUpdatedAt IS NOT NULL
  AND all(n IN nodes(path)[1..-1] WHERE NOT n:School)
WITH s, p, min(length(path)) AS steps
ORDER BY steps, p.offerUpdatedAt DESC, p.urn
WITH s, collect(p)[0] AS p
SET s.offers = p.offers, s.seeks = p.seeks, s.offerUpdatedAt = p.offerUpdatedAt,
  s.offersFromUrn = coalesce(p.offersFromUrn, p.urn)
RETURN count(s) AS carried
