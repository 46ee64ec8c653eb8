/** A person leading a school or partnership, as GIAS publishes them. */
export interface Leadership {
  leaderId: string;
  name: string;
  title: string | null;
  /** E.g. Headteacher, Chief Executive. */
  role: string | null;
  /** Null when the source publishes no start date (GIAS never does). */
  since: string | null;
  /** The date of the extract that named them. */
  asOf: string | null;
  sourceId: string | null;
}
