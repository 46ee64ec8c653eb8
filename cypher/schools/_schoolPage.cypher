// _schoolPage: how every school statement returns its page `page` (a list of School nodes), with
// what the request's operation reads alongside; included by those statements, not run alone.
// params: $properties: list<string>? (null: every property), $areas: boolean (also read their LAs and regions), $memberships: boolean (also read each school's current memberships), $memberLimit: int? (with $memberships, also read the first $memberLimit members of each partnership named)
// returns: one row: `schools`, each the school map or the values of $properties in order; `localAuthorities` and `regions` they are in (when $areas); `memberships`, one list per school in page order, by partnership name (when $memberships); `firstMembers`, per partnership named, its member total and first members in (name, urn) order, each the school map or the values of $properties (when $memberLimit)
RETURN [s IN page | {
    school: CASE WHEN $properties IS NULL THEN properties(s) END,
    values: [property IN coalesce($properties, []) | s[property]]
  }] AS schools,
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
  CASE WHEN $memberships THEN [s IN page | COLLECT {
    MATCH (s)-[m:MEMBER_OF]->(p:Partnership)
    WITH p, m ORDER BY p.name, p.id
    RETURN {
      partnership: p {.*, openedOn: toString(p.openedOn), memberCount: COUNT { (p)<-[:MEMBER_OF]-(:School) }},
      joinedOn: toString(m.joinedOn),
      source: m.source
    }
  }] ELSE [] END AS memberships,
  CASE WHEN $memberships AND $memberLimit IS NOT NULL THEN COLLECT {
    UNWIND page AS s
    MATCH (s)-[:MEMBER_OF]->(p:Partnership)
    WITH DISTINCT p
    RETURN {
      id: p.id,
      total: COUNT { (p)<-[:MEMBER_OF]-(:School) },
      members: COLLECT {
        MATCH (member:School)-[m:MEMBER_OF]->(p)
        WITH member, m ORDER BY member.name, member.urn LIMIT $memberLimit
        RETURN {
          school: CASE WHEN $properties IS NULL THEN properties(member) END,
          values: [property IN coalesce($properties, []) | member[property]],
          joinedOn: toString(m.joinedOn)
        }
      }
    }
  } ELSE [] END AS firstMembers
