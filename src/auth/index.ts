import { defineModule } from "../modules/module.js";
import { ViewerResolver } from "./auth.resolver.js";

/** `viewer`: who the request's token names. Sign-in itself is checked before any resolver. */
export const viewerModule = defineModule({ resolvers: [ViewerResolver] });
