import { useEffect, useState } from "react";

/**
 * A control's value as the person just chose it. Choices live in the address, which the router
 * changes in a transition that waits for the new page to render (a map of 3,000 schools), so a
 * control bound to the address alone would show the old choice until then.
 */
export function useShownChoice<T>(value: T, onChange: (value: T) => void): [T, (value: T) => void] {
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return [
    shown,
    (chosen) => {
      setShown(chosen);
      onChange(chosen);
    },
  ];
}
