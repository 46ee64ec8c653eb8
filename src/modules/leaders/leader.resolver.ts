import { sourceResolver } from "../datasets/dataset.resolver.js";
import { Leadership } from "./leader.types.js";

/** `source: Dataset!` on a leadership record: the extract that named the leader. */
export const LeadershipSourceResolver = sourceResolver(Leadership);
