/**
 * The school against its family of similar schools: each yearly outcome drawn against the
 * family's median (with a table of the same figures), and who in the family does better on a
 * chosen outcome. The choice is in the address (`?outcome=…`), so a shared link opens on it.
 */
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import {
  SchoolFamilyTrendsDocument,
  type SchoolFamilyTrendsQuery,
  type TrendOutcome,
} from "../../__generated__/graphql";
import { date, phaseName } from "../../format";
import { Table } from "../../Table";
import { useQuery } from "../../useQuery";
import {
  TREND_OUTCOME_NAMES,
  isPercent,
  isTrendOutcome,
  outcomeDifference,
  outcomeFigure,
} from "./outcomes";
import { TrendChart, TrendKey } from "./TrendChart";
import { yearRange } from "./trend";

type Family = NonNullable<SchoolFamilyTrendsQuery["family"]>;
type Trend = Family["outcomeTrends"][number];

function FamilyRun({ family }: { family: Family }) {
  const phase = phaseName(family.phase)?.toLowerCase() ?? "";
  return (
    <p className="hint">
      Compared with its family of similar schools: family {family.number} of {phase} schools (
      {family.size} {family.size === 1 ? "school" : "schools"},{" "}
      {family.run.featuresVersion >= 2
        ? "grouped on intake and setting, never on results"
        : "grouped on intake and on results"}
      ) from families run {family.run.version}
      {family.run.current ? ", the current run" : ""}, made{" "}
      {date(String(family.run.createdAt).slice(0, 10))}. The family median of a year is the middle
      figure of the members that had one, this school included.
    </p>
  );
}

function TrendTable({ trend, caption }: { trend: Trend; caption: string }) {
  const byYear = new Map(trend.years.map((year) => [year.year, year]));
  const years = yearRange(trend.years.map((year) => year.year));
  const format = (value: number) => outcomeFigure(trend.outcome, value);
  return (
    <Table
      className="trend-table"
      caption={caption}
      columns={["Year", "This school", "Family median", "Members with a figure", "Source"]}
    >
      {years.map((year) => {
        const row = byYear.get(year);
        return (
          <tr key={year}>
            <th scope="row">{year}</th>
            {row ? (
              <>
                <td className="number">{row.value === null ? "No figure" : format(row.value)}</td>
                <td className="number">{format(row.familyMedian)}</td>
                <td className="number">{row.membersWithFigure}</td>
                <td>{row.source.title}</td>
              </>
            ) : (
              <td colSpan={4}>No figures for this year (no tests were sat, or none are held)</td>
            )}
          </tr>
        );
      })}
    </Table>
  );
}

function latestSentence(trend: Trend): string {
  const latest = trend.years.filter((year) => year.value !== null).at(-1);
  if (!latest || latest.value === null) {
    return (
      "This school has no figure in any year held: results are not published for very small " +
      "cohorts (they would identify pupils), nor for a school whose pupils leave before the " +
      "tests, such as an infant or first school. Its family's median is drawn alone."
    );
  }
  const format = (value: number) => outcomeFigure(trend.outcome, value);
  return `In ${latest.year} this school had ${format(latest.value)}; the family median was ${format(latest.familyMedian)}.`;
}

function OutcomeTrendPanel({ trend }: { trend: Trend }) {
  const name = TREND_OUTCOME_NAMES[trend.outcome];
  const format = (value: number) => outcomeFigure(trend.outcome, value);
  const school = trend.years.flatMap((year) =>
    year.value === null ? [] : [{ year: year.year, value: year.value }],
  );
  const median = trend.years.map((year) => ({ year: year.year, value: year.familyMedian }));
  const id = `trend-${trend.outcome.toLowerCase()}`;
  return (
    <figure className="trend" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{name}</h3>
      <p>{latestSentence(trend)}</p>
      <TrendChart
        id={id}
        label={`${name}, this school against its family's median by year. ${latestSentence(trend)}`}
        school={school}
        median={median}
        format={format}
        from={isPercent(trend.outcome) || trend.outcome === "KS4_PROGRESS8" ? 0 : undefined}
      />
      <TrendTable trend={trend} caption={`${name} by year: this school and its family`} />
    </figure>
  );
}

function DoingBetter({ trend, schoolName }: { trend: Trend; schoolName: string }) {
  const name = TREND_OUTCOME_NAMES[trend.outcome];
  const format = (value: number) => outcomeFigure(trend.outcome, value);
  const own = trend.years.find((year) => year.year === trend.comparisonYear);
  if (!trend.comparisonYear || !own || own.value === null) {
    return (
      <p className="outcome-answer">
        {schoolName} has no published figure for{" "}
        {/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name} (small
        cohorts&apos; results are withheld, and a new school has none yet), so no family member can
        be said to do better.
      </p>
    );
  }
  const here = `${format(own.value)} here in ${trend.comparisonYear}; family median ${format(own.familyMedian)} over ${own.membersWithFigure} ${own.membersWithFigure === 1 ? "school" : "schools"} with a figure.`;
  if (own.membersWithFigure === 1) {
    return (
      <p className="outcome-answer">
        No other school in its family has a figure for {trend.comparisonYear}, the latest year this
        school has one ({format(own.value)}), so there is no one to compare it with.
      </p>
    );
  }
  if (trend.doingBetter.length === 0) {
    return (
      <p className="outcome-answer">
        No school in its family did better on {name} in {trend.comparisonYear}, the latest year this
        school has a figure: {here}
      </p>
    );
  }
  return (
    <>
      <p className="outcome-answer">
        {trend.doingBetter.length}{" "}
        {trend.doingBetter.length === 1 ? "school in its family" : "schools in its family"} did
        better on {name} in {trend.comparisonYear}, the latest year this school has a figure: {here}
      </p>
      <Table
        caption={`Family members doing better on ${name} in ${trend.comparisonYear}, best first`}
        columns={["School", "Figure", "Year", "Above this school", "Source"]}
      >
        {trend.doingBetter.map((member) => (
          <tr key={member.urn}>
            <td>
              {member.school ? (
                <Link to={`/schools/${member.urn}`}>{member.school.name}</Link>
              ) : (
                `URN ${member.urn} (since closed)`
              )}
              {member.school?.town && <span className="meta block">{member.school.town}</span>}
            </td>
            <td className="number">{format(member.value)}</td>
            <td>{member.year}</td>
            <td className="number">{outcomeDifference(trend.outcome, member.difference)}</td>
            <td>{member.source.title}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function OutcomeChoice({ trends, chosen }: { trends: Trend[]; chosen: TrendOutcome }) {
  const [params, setParams] = useSearchParams();
  return (
    <div className="outcome-choice">
      <label htmlFor="outcome">Outcome</label>
      <select
        id="outcome"
        value={chosen}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          next.set("outcome", event.target.value);
          setParams(next, { replace: true });
        }}
      >
        {trends.map((trend) => (
          <option key={trend.outcome} value={trend.outcome}>
            {TREND_OUTCOME_NAMES[trend.outcome]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FamilyOutcomes({ urn, schoolName }: { urn: number; schoolName: string }) {
  const state = useQuery(SchoolFamilyTrendsDocument, { urn });
  const [params] = useSearchParams();
  const sections = (trends: ReactNode, better: ReactNode) => (
    <>
      <section aria-labelledby="trends">
        <h2 id="trends">Results over the years, against its family</h2>
        {trends}
      </section>
      <section aria-labelledby="doing-better">
        <h2 id="doing-better">Who in its family does better</h2>
        {better}
      </section>
    </>
  );

  if (state.status === "failed") {
    const message = (
      <p className="error" role="alert">
        Its family&apos;s results could not be loaded: {state.error.message}
      </p>
    );
    return sections(message, <p>Not shown: its family&apos;s results could not be loaded.</p>);
  }
  if (state.status !== "done") {
    return sections(
      <p aria-busy="true">Loading its family&apos;s results year by year…</p>,
      <p aria-busy="true">Loading its family&apos;s results…</p>,
    );
  }
  const family = state.data.family;
  if (!family) {
    const none = (
      <p>
        Not in a family of similar schools in the current run (a school too new, or with too few
        published figures, is not grouped), so there is no family to compare with.
      </p>
    );
    return sections(none, <p>No family to compare with.</p>);
  }
  const trends = family.outcomeTrends;
  if (trends.length === 0) {
    const none = (
      <p>
        No yearly results for this school or its family: KS2 and KS4 results are published for
        primary and secondary schools sitting the tests.
      </p>
    );
    return sections(
      <>
        <FamilyRun family={family} />
        {none}
      </>,
      <p>No yearly results to compare.</p>,
    );
  }
  const asked = params.get("outcome");
  const chosen =
    trends.find((trend) => isTrendOutcome(asked) && trend.outcome === asked) ?? trends[0]!;
  return sections(
    <>
      <FamilyRun family={family} />
      <TrendKey />
      {trends.map((trend) => (
        <OutcomeTrendPanel key={trend.outcome} trend={trend} />
      ))}
    </>,
    <>
      <p className="hint">
        Members of the same family whose figure beats this school&apos;s in the latest year it has
        one, best first: schools with a like intake to learn from.
      </p>
      <OutcomeChoice trends={trends} chosen={chosen.outcome} />
      <h3 className="chosen-outcome">{TREND_OUTCOME_NAMES[chosen.outcome]}</h3>
      <DoingBetter trend={chosen} schoolName={schoolName} />
    </>,
  );
}
