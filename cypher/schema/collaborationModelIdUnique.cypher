// collaborationModelIdUnique
CREATE CONSTRAINT collaboration_model_id_unique IF NOT EXISTS FOR (m:CollaborationModel) REQUIRE m.id IS UNIQUE
