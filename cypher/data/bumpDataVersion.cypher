// bumpDataVersion: moves the graph's data version on after every write through the gateway, in a transaction of its own (Database.writeTransaction)
// params: $areas: list<string> (the cypher/ folders of the statements the write ran)   returns: one row: version
// The version counts write transactions; each area records the version that last changed it, so
// a reader can tell what changed since the version it holds (only support engagements, say).
// The epoch is new whenever the node is (an emptied and reloaded database starts again at 1).
// The node's lock is taken outright (`locked`) before the version is read, so no bump loses
// another's step and none waits holding a shared lock it must upgrade.
OPTIONAL MATCH (found:DataVersion {id: 'graph'})
CALL (found) {
  WITH found
  WHERE found IS NULL
  MERGE (created:DataVersion {id: 'graph'})
    ON CREATE SET created.epoch = randomUUID()
}
MATCH (v:DataVersion {id: 'graph'})
SET v.locked = true
WITH v, coalesce(v.version, 0) + 1 AS next
SET v.version = next, v.changedAt = datetime()
REMOVE v.locked
WITH v, next
CALL (v, next) {
  UNWIND $areas AS area
  SET v[area] = next
}
RETURN next AS version
