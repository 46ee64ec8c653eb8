/**
 * Schools that could help this one on its weakest outcome: on a small map, with the reasons for
 * each drawn, and how to reach them (phone, trust, Teaching School Hub).
 */
import { lazy, Suspense } from "react";
import { Link } from "react-router-dom";
import { PartnerSuggestionsDocument } from "../__generated__/graphql";
import { ContributionBar, Legend } from "../ContributionBar";
import { date, featureName, judgement } from "../format";
import { Table } from "../Table";
import { useQuery } from "../useQuery";

const PartnerMap = lazy(() => import("../map/PartnerMap").then((m) => ({ default: m.PartnerMap })));

/**
 * An outcome as its tables print it: an Ofsted grade in words, a percentage, Attainment 8 to one
 * place, else two.
 */
function percentOrScore(feature: string, value: number): string {
  if (feature === "OFSTED_GRADE") return judgement(Math.round(value)) ?? value.toFixed(0);
  if (feature === "KS2_RWM_EXPECTED") return `${value.toFixed(0)}%`;
  return value.toFixed(feature === "KS4_ATTAINMENT8" ? 1 : 2);
}

/** The year a figure describes, or for an Ofsted grade the day of the inspection. */
function when(feature: string, year: string | null | undefined): string | null {
  if (!year) return null;
  return feature === "OFSTED_GRADE" ? `inspected ${date(year)}` : year;
}

export function PartnerSuggestions({ urn }: { urn: number }) {
  const state = useQuery(PartnerSuggestionsDocument, { urn });
  if (state.status === "failed") return <p className="error">{state.error.message}</p>;
  if (state.status !== "done") return <p aria-busy="true">Finding partners…</p>;
  const partners = state.data.partnerSuggestions;
  if (partners.length === 0) {
    return (
      <p>
        No partner suggested: the school has no published outcome to compare (a first or infant
        school has no KS2 results, and small cohorts&apos; results are withheld), or no school of
        its phase within reach does better on it.
      </p>
    );
  }
  // The reasons in the order the service gives them, the same for every partner.
  const factors = [...new Set(partners.flatMap((p) => p.reasons.map((r) => r.factor)))];
  const focus = partners[0]!.focus;
  const here = partners[0]!.evidence.find((e) => e.about === "ASKER");
  const home = state.data.school;
  const placed = partners.flatMap((partner, index) =>
    partner.school.location ? [{ ...partner, ...partner.school.location, rank: index + 1 }] : [],
  );
  return (
    <>
      {home?.location && (
        <Suspense fallback={<p aria-live="polite">Loading the map…</p>}>
          <PartnerMap school={{ name: home.name, ...home.location }} partners={placed} />
        </Suspense>
      )}
      <p className="hint">
        Focus: {featureName(focus)}
        {here &&
          `, ${percentOrScore(focus, here.value)} here ${
            focus === "OFSTED_GRADE"
              ? (when(focus, here.year) ?? "at its latest inspection")
              : `in ${here.year ?? "the latest year"}`
          }`}
        . Each bar is a partner&apos;s score out of 1, made of the reasons in the key.
      </p>
      <Legend label="Reasons" keys={factors.map((key) => ({ key, label: featureName(key) }))} />
      <Table
        caption="Suggested partners, best first"
        columns={["School", "Distance", "How to reach", "Focus outcome", "Why"]}
      >
        {partners.map((partner, index) => (
          <tr key={partner.urn}>
            <td>
              {index + 1}. <Link to={`/schools/${partner.urn}`}>{partner.name}</Link>
              {partner.school.town && <span className="meta block">{partner.school.town}</span>}
            </td>
            <td className="number">{partner.distanceKm.toFixed(1)} km</td>
            <td>
              <ul className="plain">
                {partner.school.contact?.phone && <li>Phone {partner.school.contact.phone}</li>}
                {partner.trust && <li>Trust: {partner.trust.name}</li>}
                {partner.teachingSchoolHub && (
                  <li>
                    Hub:{" "}
                    <Link to={`/leaders/${encodeURIComponent(partner.teachingSchoolHub.id)}`}>
                      {partner.teachingSchoolHub.name}
                    </Link>
                  </li>
                )}
              </ul>
            </td>
            <td className="number">
              {percentOrScore(partner.focus, partner.focusValue)}
              {partner.focusYear && (
                <span className="meta block">{when(partner.focus, partner.focusYear)}</span>
              )}
            </td>
            <td>
              <ContributionBar
                keys={factors}
                scale={1}
                parts={partner.reasons.map((r) => ({
                  key: r.factor,
                  label: featureName(r.factor),
                  value: r.contribution,
                }))}
                describe={(part) => `${part.label}: ${part.value.toFixed(2)}`}
              />
              <span className="meta block">score {partner.score.toFixed(2)}</span>
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
