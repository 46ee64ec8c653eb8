// findMembersByPartnershipIds: one page of member schools for each key, in (name, urn) order (PartnershipMembersLoader)
// Keys carry their own limit and position, so pages of different sizes share one statement;
// LIMIT cannot take a per-row value, hence the list slice.
// params: $properties: list<string>? (null: every property of each school), $keys: list<map{partnershipId: string, limit: int, afterName: string?, afterUrn: int?}>   returns: one row per key whose partnership exists, by index i, with the member total and `members`, each a list [school, joinedOn], the school its property map or the values of $properties in order
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (p:Partnership {id: key.partnershipId})
CALL (p, key) {
  MATCH (s)-[m:MEMBER_OF]->(p)
  WITH s, m ORDER BY s.name, s.urn
  WITH collect({s: s, m: m}) AS ordered
  RETURN size(ordered) AS total,
    [x IN ordered
      WHERE key.afterName IS NULL OR x.s.name > key.afterName
        OR (x.s.name = key.afterName AND x.s.urn > key.afterUrn)][0..key.limit] AS page
}
RETURN i, total,
  [x IN page | [CASE WHEN $properties IS NULL THEN properties(x.s)
    ELSE [property IN $properties | x.s[property]] END, toString(x.m.joinedOn)]] AS members
