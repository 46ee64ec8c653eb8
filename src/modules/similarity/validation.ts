/** The largest page of similar schools or partner suggestions one call may ask for. */
export const MAX_RESULTS = 100;
