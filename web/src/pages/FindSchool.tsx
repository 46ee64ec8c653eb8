/** "Find a school": name, town, postcode or URN, typos forgiven, leading to the school's page. */
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { FindSchoolsDocument } from "../__generated__/graphql";
import { SearchBox } from "../controls";
import { phaseName } from "../format";
import { useQuery } from "../useQuery";

export function FindSchool() {
  const [params, setParams] = useSearchParams();
  const asked = params.get("q") ?? "";
  const [text, setText] = useState(asked);
  useEffect(() => setText(asked), [asked]);
  const state = useQuery(FindSchoolsDocument, asked.trim() ? { text: asked.trim() } : null);

  return (
    <main>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(text.trim() ? { q: text.trim() } : {});
        }}
      >
        <h1>
          <label htmlFor="find-school">Find a school</label>
        </h1>
        <p className="hint" id="find-school-hint">
          Name, town, local authority, postcode or URN
        </p>
        <SearchBox id="find-school" value={text} maxLength={200} onChange={setText} />
      </form>
      {state.status === "loading" && <p aria-live="polite">Searching…</p>}
      {state.status === "failed" && (
        <p className="error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === "done" &&
        (state.data.searchSchools.length === 0 ? (
          <p aria-live="polite">
            No school matches “{asked}”. Check the spelling, or try the town.
          </p>
        ) : (
          <section aria-label="Results">
            <p aria-live="polite">
              {state.data.searchSchools.length === 1
                ? "1 school matches"
                : `${state.data.searchSchools.length} schools match`}{" "}
              “{asked}”
            </p>
            <ol className="results">
              {state.data.searchSchools.map(({ school, matchedOn }) => (
                <li key={school.urn}>
                  <Link to={`/schools/${school.urn}`}>{school.name}</Link>
                  <span className="meta">
                    {[
                      phaseName(school.phase),
                      school.town,
                      school.localAuthority?.name,
                      school.postcode,
                    ]
                      .filter(Boolean)
                      .join(" · ")}{" "}
                    · URN {school.urn} · matched on {matchedOn.join(", ")}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))}
    </main>
  );
}
