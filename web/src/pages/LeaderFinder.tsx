/**
 * System leaders by region, designation, or the leader's or its school's name, in name order: the
 * way in to a leader's page. Every choice is in the address.
 */
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { RegionsDocument, SystemLeadersDocument, type Designation } from "../__generated__/graphql";
import { SearchBox, Select } from "../controls";
import { RegionSelect } from "../RegionSelect";
import { Table } from "../Table";
import { useQuery } from "../useQuery";
import { designationName } from "../format";

const DESIGNATIONS: Designation[] = ["NLE", "LLE", "SLE", "NLG", "TEACHING_SCHOOL_HUB"];

export function LeaderFinder() {
  const [params, setParams] = useSearchParams();
  const regionCode = params.get("region") ?? "";
  const designation = (params.get("designation") ?? "") as Designation | "";
  const text = params.get("q") ?? "";
  const [typed, setTyped] = useState(text);
  const regions = useQuery(RegionsDocument, {});
  const searching = text.trim().length >= 2;
  const leaders = useQuery(
    SystemLeadersDocument,
    regionCode || searching
      ? {
          regionCode: regionCode || null,
          designation: designation || null,
          nameContains: searching ? text : null,
          after: params.get("after"),
        }
      : null,
  );
  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // A new choice starts the list again from its first page.
    if (key !== "after") next.delete("after");
    setParams(next);
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    choose("q", typed.trim());
  };

  return (
    <main>
      <h1>Find a system leader</h1>
      <form role="search" onSubmit={search}>
        <label htmlFor="leader-name">Leader, school or place</label>
        <p className="hint" id="leader-name-hint">
          Part of a leader&apos;s or Teaching School Hub&apos;s name, or the name, town or local
          authority of the school a leader is based at, e.g. &quot;Blackpool&quot;.
        </p>
        <SearchBox id="leader-name" value={typed} onChange={setTyped} />
      </form>
      <div className="filters">
        <RegionSelect
          regions={regions.status === "done" ? regions.data.regions : []}
          value={regionCode}
          emptyLabel="Any region"
          onChange={(code) => choose("region", code)}
        />
        <Select
          id="designation"
          label="Designation"
          value={designation}
          options={[["", "Any"], ...DESIGNATIONS.map((d) => [d, designationName(d)] as const)]}
          onChange={(value) => choose("designation", value)}
        />
      </div>
      {leaders.status === "idle" && (
        <p className="hint">
          {text && !searching
            ? "Type at least two letters, or choose a region."
            : "Choose a region, or search by a leader's, school's or place's name."}
        </p>
      )}
      {leaders.status === "loading" && <p aria-live="polite">Loading…</p>}
      {leaders.status === "failed" && (
        <p className="error" role="alert">
          {leaders.error.message}
        </p>
      )}
      {leaders.status === "done" && (
        <section aria-label="System leaders">
          {leaders.data.systemLeaders.totalCount === 0 ? (
            <p aria-live="polite">
              No system leader
              {searching ? ` matches "${text.trim()}"` : " matches"}
              {regionCode && " in this region"}
              {designation && " with this designation"}.
            </p>
          ) : (
            <p aria-live="polite">
              {leaders.data.systemLeaders.totalCount} system leaders
              {leaders.data.systemLeaders.totalCount > 50 && ", 50 at a time"}. Those marked
              synthetic are generated from DfE&apos;s criteria for planning, not real designations.
            </p>
          )}
          {leaders.data.systemLeaders.totalCount > 0 && (
            <Table
              caption="System leaders in name order"
              columns={["Leader", "Designation", "Based at", "Places free"]}
            >
              {leaders.data.systemLeaders.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/leaders/${encodeURIComponent(node.id)}`}>{node.name}</Link>
                    {node.synthetic && <span className="synthetic">synthetic</span>}
                  </td>
                  <td>{designationName(node.designation)}</td>
                  <td>
                    {node.baseSchool ? node.baseSchool.name : "—"}
                    {node.localAuthority && (
                      <span className="meta block">{node.localAuthority.name}</span>
                    )}
                  </td>
                  <td className="number">
                    {node.availableCapacity} of {node.capacity}
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <p>
            {params.get("after") && (
              <button
                type="button"
                className="secondary"
                onClick={() => choose("region", regionCode)}
              >
                First page
              </button>
            )}{" "}
            {leaders.data.systemLeaders.pageInfo.hasNextPage && (
              <button
                type="button"
                className="secondary"
                onClick={() => choose("after", leaders.data.systemLeaders.pageInfo.endCursor ?? "")}
              >
                Next 50
              </button>
            )}
          </p>
        </section>
      )}
    </main>
  );
}
