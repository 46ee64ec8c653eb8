// createFamilyRun: a new FamilyRun, numbered after every version ever given (a deleted run's number is never reused, so bands stamped with it stay stale) and not yet current (SimilarityRepository.saveRun)
// params: $run: map{featuresVersion: int, seed: int, targetSize: int, preset: string, features: list<string>, parameters: string, schools: int, families: int, meanDistanceToCentroid: float, silhouette: float?, silhouetteSampleSize: int}   returns: one row: version
// The sequence node serialises concurrent runs (its write lock) and remembers the last number.
MERGE (sequence:FamilyRunSequence {id: "family-runs"})
WITH sequence, COLLECT { MATCH (previous:FamilyRun) RETURN previous.version AS v ORDER BY v DESC LIMIT 1 } AS highest
SET sequence.last = CASE
    WHEN coalesce(sequence.last, 0) >= coalesce(highest[0], 0) THEN coalesce(sequence.last, 0)
    ELSE highest[0]
  END + 1
CREATE (run:FamilyRun {version: sequence.last, createdAt: datetime(), current: false})
SET run += $run
RETURN run.version AS version
