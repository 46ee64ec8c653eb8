import { useEffect, useState } from "react";
import { loadLaShapes, type LaShape } from "./shapes";

export type ShapesState =
  | { status: "loading" }
  | { status: "done"; shapes: LaShape[] }
  | { status: "failed"; message: string };

/** The LA shapes, fetched once per page load. */
export function useLaShapes(): ShapesState {
  const [state, setState] = useState<ShapesState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    loadLaShapes().then(
      (shapes) => live && setState({ status: "done", shapes }),
      () =>
        live &&
        setState({
          status: "failed",
          message: "The map's local authority shapes could not be loaded; the tables still work.",
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
