// replaceDesignationHolders: links each system leader to who holds it (a Leader, or a hub's lead School), replacing any previous holder
// params: $rows: list<map{id: string, holderLeaderId: string?, holderUrn: int?}>
UNWIND $rows AS row
MATCH (l:SystemLeader {id: row.id})
OPTIONAL MATCH (person:Leader {id: row.holderLeaderId})
OPTIONAL MATCH (lead:School {urn: row.holderUrn})
WITH l, coalesce(person, lead) AS holder
WHERE holder IS NOT NULL
CALL (l, holder) {
  MATCH (previous)-[old:DESIGNATED_AS]->(l)
  WHERE previous <> holder
  DELETE old
}
MERGE (holder)-[:DESIGNATED_AS]->(l)
