// mergeCollaborationModels: writes the collaboration models catalogue (seed/collaboration/models.ts); idempotent
// Joining rules are flattened per kind of school (maintainedEligibility, maintainedSteps, ...),
// as node properties cannot hold maps.
// params: $models: list<map>   returns: how many models were written
UNWIND $models AS model
MERGE (m:CollaborationModel {id: model.id})
SET m += model
RETURN count(m) AS written
