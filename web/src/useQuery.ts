/** Loads one operation when its variables change; the newest request wins. */
import { useEffect, useState } from "react";
import type { TypedDocumentString } from "./__generated__/graphql";
import { ApiError, request } from "./api";

export type QueryState<T> =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "done"; data: T }
  | { status: "failed"; error: ApiError };

export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> {
  const [state, setState] = useState<QueryState<TResult>>({ status: "idle" });
  const key = variables === null ? null : JSON.stringify(variables);
  useEffect(() => {
    if (key === null) {
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    setState({ status: "loading" });
    request(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => setState({ status: "done", data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: "failed",
          error:
            error instanceof ApiError
              ? error
              : new ApiError("The service could not be reached.", "NETWORK"),
        });
      },
    );
    return () => controller.abort();
  }, [document, key]);
  return state;
}
