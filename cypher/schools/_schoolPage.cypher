// _schoolPage: how every school statement returns its page `page` (a list of School nodes), with
// what the request's operation reads alongside; included by those statements, not run alone.
// A school is its property map, or the list of the values of $properties in that order. Each
// school's memberships are expanded once, and the partnerships they name come from that list.
// Only schools are MEMBER_OF partnerships (see README.md), so member totals count the degree
// and neither end of MEMBER_OF is checked for its label.
// params: $properties: list<string>? (null: every property), $areas: boolean (also read their LAs and regions), $memberships: boolean (also read each school's current memberships), $memberLimit: int? (with $memberships, also read the first $memberLimit members of each partnership named)
// returns: one row: `schools`, each a school; `localAuthorities` and `regions` they are in (when $areas); `memberships`, one list per school in page order, by partnership name (when $memberships); `firstMembers`, per partnership named, its `id`, member `total` and first `members` in (name, urn) order, each a list [school, joinedOn] (when $memberLimit)
WITH page, CASE WHEN $memberships THEN [s IN page | COLLECT {
    MATCH (s)-[m:MEMBER_OF]->(p)
    WITH p, m ORDER BY p.name, p.id
    RETURN {
      partnership: p {.*, openedOn: toString(p.openedOn), memberCount: COUNT { (p)<-[:MEMBER_OF]-() }},
      joinedOn: toString(m.joinedOn),
      source: m.source,
      node: p
    }
  }] ELSE [] END AS links
RETURN [s IN page | CASE WHEN $properties IS NULL THEN properties(s)
    ELSE [property IN $properties | s[property]] END] AS schools,
  CASE WHEN $areas THEN COLLECT {
    UNWIND page AS s
    WITH DISTINCT s.laCode AS code
    MATCH (la:LocalAuthority {code: code})
    OPTIONAL MATCH (la)-[:IN_REGION]->(r:Region)
    RETURN la {.*, regionCode: r.code}
  } ELSE [] END AS localAuthorities,
  CASE WHEN $areas THEN COLLECT {
    UNWIND page AS s
    WITH DISTINCT s.regionCode AS code
    MATCH (r:Region {code: code})
    RETURN r {.*}
  } ELSE [] END AS regions,
  [list IN links | [link IN list | link {.partnership, .joinedOn, .source}]] AS memberships,
  CASE WHEN $memberLimit IS NOT NULL THEN COLLECT {
    UNWIND links AS list
    UNWIND list AS link
    WITH DISTINCT link.node AS p
    RETURN {
      id: p.id,
      total: COUNT { (p)<-[:MEMBER_OF]-() },
      members: COLLECT {
        MATCH (member)-[m:MEMBER_OF]->(p)
        WITH member, m ORDER BY member.name, member.urn LIMIT $memberLimit
        RETURN [CASE WHEN $properties IS NULL THEN properties(member)
          ELSE [property IN $properties | member[property]] END, toString(m.joinedOn)]
      }
    }
  } ELSE [] END AS firstMembers
