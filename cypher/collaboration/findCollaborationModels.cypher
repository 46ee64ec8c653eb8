// findCollaborationModels: the whole collaboration models catalogue (CollaborationModelsLoader)
// params: none   returns: one model map per row, in catalogue order
MATCH (m:CollaborationModel)
RETURN m {.*} AS model
ORDER BY m.position, m.id
