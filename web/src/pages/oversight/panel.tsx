/**
 * What the oversight panels share: the collapsible panel that asks the service for its figures
 * only once opened (so the dashboard's first load stays fast), the choices of the page each
 * panel reads, and how a loading or failed answer is said.
 */
import { useState, type ReactNode } from "react";
import type {
  AreaLevel,
  GapKind,
  SupplyMode,
  TypedDocumentString,
} from "../../__generated__/graphql";
import { useQuery, type QueryState } from "../../useQuery";

/** The page's current choices, as each panel reads them. */
export interface PanelScope {
  /** A region's code, or "" for England. */
  region: string;
  /** "North West", or "England". */
  areaName: string;
  level: AreaLevel;
  kind: GapKind;
  supply: SupplyMode;
}

export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="panel"
      id={id}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>
        <h2>{title}</h2>
      </summary>
      <div className="panel-body">{opened && children}</div>
    </details>
  );
}

/** While loading, says what is being worked out and why it may take a while; on failure, why. */
export function Pending({ state, loading }: { state: QueryState<unknown>; loading: string }) {
  if (state.status === "failed") {
    return (
      <p className="error" role="alert">
        {state.error.message}
      </p>
    );
  }
  if (state.status === "done") return null;
  return (
    <p aria-live="polite" aria-busy="true">
      {loading}
    </p>
  );
}

/** A long list shows its first PAGE rows, and its first MOST once asked. */
const PAGE = 20;
const MOST = 100;

/** What a long list of the region's schools under the chosen supply is asked with. */
interface ListVariables {
  regionCode: string | null;
  supply: SupplyMode;
  first: number;
}

/**
 * A long list for the region and supply: its first PAGE rows, or its first MOST once more are
 * asked for. `hasMore` says whether a list that came back with `shown` rows may go on.
 */
export function useLongList<TResult>(
  document: TypedDocumentString<TResult, ListVariables>,
  scope: PanelScope,
) {
  const [first, setFirst] = useState(PAGE);
  const state = useQuery(document, {
    regionCode: scope.region || null,
    supply: scope.supply,
    first,
  });
  return {
    state,
    hasMore: (shown: number) => shown === first && first < MOST,
    showMore: () => setFirst(MOST),
  };
}

/** The button that asks a long list for its first MOST rows. */
export function ShowMore({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="secondary" onClick={onClick}>
      Show the first {MOST}
    </button>
  );
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function count(value: number): string {
  return value.toLocaleString("en-GB");
}

/** Pence as pounds, to the penny. */
export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString("en-GB", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;
}

export function supplyWords(supply: SupplyMode): string {
  return supply === "MODELLED"
    ? "modelled supply (real and synthetic designations)"
    : "real designations only";
}

/** The name a downloaded file gets: what it holds, then the area and supply it was asked for. */
export function csvName(what: string, scope: PanelScope, ...more: string[]): string {
  return (
    [what, scope.region || "england", ...more.map((part) => part.toLowerCase())].join("-") + ".csv"
  );
}
