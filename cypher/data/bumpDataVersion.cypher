// bumpDataVersion: moves the graph's data version on, in the transaction of every write through the gateway (Database.writeTransaction)
// params: $areas: list<string> (the cypher/ folders of the statements the write ran)   returns: one row: version
// The version counts write transactions; each area records the version that last changed it, so
// a reader can tell what changed since the version it holds (only support engagements, say).
// The epoch is new whenever the node is (an emptied and reloaded database starts again at 1).
MERGE (v:DataVersion {id: 'graph'})
  ON CREATE SET v.epoch = randomUUID()
WITH v, coalesce(v.version, 0) + 1 AS next
SET v.version = next, v.changedAt = datetime()
WITH v, next
CALL (v, next) {
  UNWIND $areas AS area
  SET v[area] = next
}
RETURN next AS version
