/** Test data shared by the recognition tests. */
import type { RecognitionEngagement } from "./recognition.model.js";

/**
 * An engagement of leader-a (based at 900) with school 100 in the North East: need band 1,
 * IDACI decile 1, 40% FSM. The dates and KS2 series are the test's.
 */
export function recognitionEngagement(
  fields: Pick<RecognitionEngagement, "start" | "end" | "ks2"> & Partial<RecognitionEngagement>,
): RecognitionEngagement {
  return {
    id: "e1",
    systemLeaderId: "leader-a",
    baseUrn: 900,
    urn: 100,
    regionCode: "E12000001",
    needBand: 1,
    idaciDecile: 1,
    fsmPercent: 40,
    ...fields,
  };
}
