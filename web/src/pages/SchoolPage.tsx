/**
 * A school's page: who and where it is, its figures with year and source, Ofsted, need, its
 * results against its family's, partnerships, similar schools, partners and its roadmap.
 */
import { useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import { SchoolPageDocument, type SchoolPageQuery } from "../__generated__/graphql";
import { date, figure, judgement, phaseName, words } from "../format";
import { Table } from "../Table";
import { useQuery } from "../useQuery";
import { PartnerSuggestions } from "./PartnerSuggestions";
import { CollaborationRoadmap } from "./school/CollaborationRoadmap";
import { FamilyOutcomes } from "./school/FamilyOutcomes";
import { SimilarSchools } from "./SimilarSchools";

type School = NonNullable<SchoolPageQuery["school"]>;

const FIGURES: {
  key: "pupils" | "fsmPercent" | "senPercent" | "ealPercent";
  label: string;
  percent: boolean;
}[] = [
  { key: "pupils", label: "Pupils", percent: false },
  { key: "fsmPercent", label: "Eligible for free school meals", percent: true },
  { key: "senPercent", label: "Special educational needs", percent: true },
  { key: "ealPercent", label: "English as an additional language", percent: true },
];

const BANDS: Record<number, string> = {
  1: "Band 1: most in need of support",
  2: "Band 2: would benefit from support",
  3: "Band 3: one sign of need",
  4: "Band 4: no sign of need in the data",
};

function Figures({ school }: { school: School }) {
  const rows = FIGURES.flatMap(({ key, label, percent }) => {
    const measure = school[key];
    return measure ? [{ label, measure, percent }] : [];
  });
  if (rows.length === 0) return <p>No published figures for this school.</p>;
  return (
    <Table
      caption="Figures, each with the year it describes and its source"
      columns={["Figure", "Value", "Year", "Source"]}
    >
      {rows.map(({ label, measure, percent }) => (
        <tr key={label}>
          <th scope="row">{label}</th>
          <td className="number">{figure(measure.value, percent)}</td>
          <td>{measure.year}</td>
          <td>{measure.source.title}</td>
        </tr>
      ))}
    </Table>
  );
}

function Ofsted({ ofsted }: { ofsted: School["ofsted"] }) {
  if (!ofsted) return <p>No Ofsted inspection on record.</p>;
  const overall = ofsted.rating ?? judgement(ofsted.overall ?? ofsted.grade);
  const keyJudgements = [
    ["Quality of education", ofsted.qualityOfEducation],
    ["Behaviour and attitudes", ofsted.behaviourAndAttitudes],
    ["Personal development", ofsted.personalDevelopment],
    ["Leadership and management", ofsted.leadershipAndManagement],
  ].filter((entry): entry is [string, number] => typeof entry[1] === "number");
  return (
    <>
      <p className="judgement">
        {overall ?? "No overall judgement"}
        {ofsted.categoryOfConcern && <strong> ({words(ofsted.categoryOfConcern)})</strong>}
      </p>
      <p className="meta">
        {[
          words(ofsted.inspectionType),
          ofsted.inspectedOn && `inspected ${date(ofsted.inspectedOn)}`,
        ]
          .filter(Boolean)
          .join(", ")}
        . Source: {ofsted.source.title}.
      </p>
      {keyJudgements.length > 0 && (
        <table>
          <caption>Key judgements</caption>
          <tbody>
            {keyJudgements.map(([name, grade]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{judgement(grade)}</td>
              </tr>
            ))}
            {ofsted.safeguardingEffective !== null &&
              ofsted.safeguardingEffective !== undefined && (
                <tr>
                  <th scope="row">Safeguarding</th>
                  <td>{ofsted.safeguardingEffective ? "Effective" : "Not effective"}</td>
                </tr>
              )}
          </tbody>
        </table>
      )}
    </>
  );
}

/** An inspection's result in words: its overall grade, else what Ofsted recorded, else neither. */
function inspectionOutcome(inspection: School["ofstedHistory"][number]): string {
  const concern = words(inspection.categoryOfConcern);
  const result = judgement(inspection.overall) ?? inspection.outcome;
  if (result) return concern ? `${result} (${concern})` : result;
  // Graded inspections since September 2024 give no overall grade.
  return concern ?? "No overall grade";
}

function InspectionHistory({ school }: { school: School }) {
  if (school.ofstedHistory.length === 0) return null;
  return (
    <Table
      caption="Inspection history, newest first"
      columns={["Date", "Inspection", "Outcome", "Source"]}
    >
      {school.ofstedHistory.map((inspection) => (
        <tr key={inspection.id}>
          <td>{date(inspection.inspectedOn)}</td>
          <td>
            {[inspection.kind === "GRADED" ? "Graded" : "Ungraded", words(inspection.type)]
              .filter(Boolean)
              .join(", ")}
            {inspection.urnAtInspection !== null && inspection.urnAtInspection !== school.urn && (
              <span className="meta block">as URN {inspection.urnAtInspection}</span>
            )}
          </td>
          <td>{inspectionOutcome(inspection)}</td>
          <td>{inspection.source.title}</td>
        </tr>
      ))}
    </Table>
  );
}

function Need({ need }: { need: School["need"] }) {
  if (!need)
    return <p>No need band: the school is not state-funded, or bands have not been computed.</p>;
  return (
    <>
      <p className={`band band-${need.band}`}>{BANDS[need.band] ?? `Band ${need.band}`}</p>
      {need.reasons.length > 0 ? (
        <ul>
          {need.reasons.map((reason) => (
            <li key={reason.code}>{reason.detail}</li>
          ))}
        </ul>
      ) : (
        <p>No reason for concern in its Ofsted judgements or results.</p>
      )}
    </>
  );
}

function Partnerships({ school }: { school: School }) {
  if (school.memberships.length === 0)
    return <p>Not a member of any partnership or trust on record.</p>;
  return (
    <ul>
      {school.memberships.map(({ partnership, joinedOn }) => (
        <li key={partnership.id}>
          <strong>{partnership.name}</strong>{" "}
          <span className="meta">
            {[
              words(partnership.type),
              `${partnership.memberCount} ${partnership.memberCount === 1 ? "school" : "schools"}`,
              joinedOn && `joined ${date(joinedOn)}`,
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function SchoolPage() {
  const { urn } = useParams();
  const parsed = Number(urn);
  const valid = Number.isInteger(parsed) && parsed > 0;
  const state = useQuery(SchoolPageDocument, valid ? { urn: parsed } : null);
  const school = state.status === "done" ? state.data.school : null;
  useEffect(() => {
    document.title = school ? `${school.name} · School partnerships` : "School partnerships";
  }, [school]);

  if (!valid || (state.status === "done" && !school)) {
    return (
      <main>
        <h1>No open school with URN {urn}</h1>
        <p>
          It may have closed or never existed. <Link to="/">Find a school</Link> by name instead.
        </p>
      </main>
    );
  }
  if (state.status === "failed") {
    return (
      <main>
        <p className="error" role="alert">
          {state.error.message}
        </p>
      </main>
    );
  }
  if (!school) return <main aria-busy="true">Loading…</main>;

  const ages =
    school.statutoryLowAge !== null && school.statutoryHighAge !== null
      ? `ages ${school.statutoryLowAge} to ${school.statutoryHighAge}`
      : null;
  const setting = [
    school.rural ? "Rural" : school.rural === false ? "Urban" : null,
    school.coastal ? "coastal" : null,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <main>
      <h1>{school.name}</h1>
      <p className="lede">
        {[phaseName(school.phase), school.establishmentType, ages].filter(Boolean).join(" · ")}
      </p>
      <p className="meta">
        {[school.town, school.postcode, school.localAuthority?.name, school.region?.name, setting]
          .filter(Boolean)
          .join(" · ")}{" "}
        · URN {school.urn}
        {school.detailsSource && ` · details from ${school.detailsSource.title}`}
        {school.detailsAsOf &&
          !school.detailsSource?.title.includes("as at") &&
          ` as at ${date(school.detailsAsOf)}`}
      </p>

      <section aria-labelledby="ofsted">
        <h2 id="ofsted">Ofsted</h2>
        <Ofsted ofsted={school.ofsted} />
        <InspectionHistory school={school} />
      </section>
      <section aria-labelledby="need">
        <h2 id="need">Need for support</h2>
        <Need need={school.need} />
      </section>
      <section aria-labelledby="figures">
        <h2 id="figures">Figures</h2>
        <Figures school={school} />
      </section>
      <FamilyOutcomes urn={school.urn} schoolName={school.name} />
      <section aria-labelledby="partnerships">
        <h2 id="partnerships">Partnerships and trust</h2>
        <Partnerships school={school} />
      </section>
      <section aria-labelledby="similar">
        <h2 id="similar">Similar schools</h2>
        <SimilarSchools urn={school.urn} />
      </section>
      <section aria-labelledby="partners">
        <h2 id="partners">Suggested partners</h2>
        <PartnerSuggestions urn={school.urn} />
      </section>
      <section aria-labelledby="roadmap">
        <h2 id="roadmap">Collaboration roadmap</h2>
        <CollaborationRoadmap urn={school.urn} memberships={school.memberships} />
      </section>
      <p className="links">
        <a href={school.giasUrl}>Get Information about Schools</a> ·{" "}
        <a href={school.ofstedReportsUrl}>Ofsted reports</a>
      </p>
    </main>
  );
}
