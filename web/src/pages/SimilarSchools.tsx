/** The school's nearest schools of its phase, each with why it is similar, drawn. */
import { Link } from "react-router-dom";
import { SimilarSchoolsDocument } from "../__generated__/graphql";
import { ContributionBar, Legend } from "../ContributionBar";
import { featureName } from "../format";
import { Table } from "../Table";
import { useQuery } from "../useQuery";

export function SimilarSchools({ urn }: { urn: number }) {
  const state = useQuery(SimilarSchoolsDocument, { urn });
  if (state.status === "failed") return <p className="error">{state.error.message}</p>;
  if (state.status !== "done") return <p aria-busy="true">Finding similar schools…</p>;
  const schools = state.data.similarSchools;
  if (schools.length === 0) {
    return <p>No similar schools: the school has too few published figures to compare.</p>;
  }
  const keys = [...new Set(schools.flatMap((s) => s.contributions.map((c) => c.feature)))];
  const scale = Math.max(...schools.map((s) => s.distance));
  return (
    <>
      <p className="hint">
        Nearest first. Each bar is the school&apos;s distance from this one: the longer, the less
        alike, and each colour is how much one feature adds to the difference.
      </p>
      <Legend label="Features" keys={keys.map((key) => ({ key, label: featureName(key) }))} />
      <Table
        caption="Similar schools, with why each is similar"
        columns={["School", "Distance", "Where the difference lies"]}
      >
        {schools.map((school) => (
          <tr key={school.urn}>
            <td>
              <Link to={`/schools/${school.urn}`}>{school.name}</Link>
            </td>
            <td className="number">{school.distance.toFixed(2)}</td>
            <td>
              <ContributionBar
                keys={keys}
                scale={scale}
                parts={school.contributions.map((c) => ({
                  key: c.feature,
                  label: featureName(c.feature),
                  value: c.contribution,
                }))}
                describe={(part) => `${part.label}: ${part.value.toFixed(2)}`}
              />
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
