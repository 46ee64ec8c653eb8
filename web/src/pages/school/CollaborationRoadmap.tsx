/**
 * The school's collaboration roadmap (`collaborationOptions`): the ways of working with other
 * schools it can take up given its status and memberships, each with its steps in order, and
 * those it cannot, with why.
 */
import { SchoolCollaborationOptionsDocument } from "../../__generated__/graphql";
import { useQuery } from "../../useQuery";

const CATEGORIES: Record<string, string> = {
  MAINTAINED: "a maintained school",
  ACADEMY: "an academy",
  INDEPENDENT: "an independent school",
};

export interface RoadmapProps {
  urn: number;
  /** The school's partnerships, to name those it already belongs to. */
  memberships: readonly { partnership: { id: string; name: string } }[];
}

export function CollaborationRoadmap({ urn, memberships }: RoadmapProps) {
  const state = useQuery(SchoolCollaborationOptionsDocument, { urn });
  if (state.status === "failed") {
    return (
      <p className="error" role="alert">
        The roadmap could not be loaded: {state.error.message}
      </p>
    );
  }
  if (state.status !== "done") return <p aria-busy="true">Loading its collaboration roadmap…</p>;
  const roadmap = state.data.collaborationOptions;
  if (!roadmap) return <p>No roadmap: the service does not know this URN.</p>;
  const names = new Map(memberships.map((m) => [m.partnership.id, m.partnership.name]));
  return (
    <>
      <p className="hint">
        {roadmap.category
          ? `As ${CATEGORIES[roadmap.category] ?? roadmap.category.toLowerCase()}, these are the ways it can work with other schools, each with what it would do, in order.`
          : "Its governance is not on record, so which ways of working with other schools are open to it is unknown."}
      </p>
      {roadmap.options.length === 0 && (
        <p>No model of collaboration is open to it as things stand.</p>
      )}
      {roadmap.options.map((option) => {
        const existing = option.existingPartnershipIds.map((id) => names.get(id) ?? id);
        return (
          <article key={option.model.id} className="roadmap-option">
            <h3>{option.model.name}</h3>
            <p className="meta">
              {option.eligibility === "AFTER_CONVERSION"
                ? "Open to it once it has converted to an academy."
                : "Open to it now."}
              {existing.length > 0 && ` Already a member of ${existing.join(", ")}.`}
            </p>
            <p>{option.model.summary}</p>
            {option.steps.length > 0 ? (
              <ol className="roadmap-steps" aria-label={`Steps to ${option.model.name}`}>
                {option.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            ) : (
              <p>No steps are needed.</p>
            )}
          </article>
        );
      })}
      {roadmap.unavailable.length > 0 && (
        <>
          <h3>Not open to it</h3>
          <ul>
            {roadmap.unavailable.map((entry) => (
              <li key={entry.model.id}>
                <strong>{entry.model.name}</strong>: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
