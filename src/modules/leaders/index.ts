import { defineModule } from "../module.js";
import { LeadershipSourceResolver } from "./leader.resolver.js";

/** Leaders are read with their schools; the module adds where each leadership came from. */
export const leadersModule = defineModule({ resolvers: [LeadershipSourceResolver] });
