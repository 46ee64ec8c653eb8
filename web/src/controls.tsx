/** The form controls the pages share: radio buttons, a drop-down list, a date, a search box. */
import { useShownChoice } from "./useShownChoice";

/** Options as [value, what the person reads]. */
export type Options<T extends string> = readonly (readonly [T, string])[];

/** Radio buttons under a legend; the one chosen shows at once (useShownChoice). */
export function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: Options<T>;
  onChange: (value: T) => void;
}) {
  const [shown, choose] = useShownChoice(value, onChange);
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="inline">
          <input
            type="radio"
            name={name}
            value={option}
            checked={shown === option}
            onChange={() => choose(option)}
          />{" "}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** A drop-down list with its label above it. */
export function Select<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: Options<T>;
  onChange: (value: T) => void;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A date input with its label above it; its value is "" or a day such as "2025-04-01". */
export function DateInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** A search box and its button, in a search form; the element `${id}-hint` describes the box. */
export function SearchBox({
  id,
  value,
  maxLength,
  onChange,
}: {
  id: string;
  value: string;
  maxLength?: number;
  onChange: (value: string) => void;
}) {
  return (
    <div className="search-row">
      <input
        id={id}
        type="search"
        aria-describedby={`${id}-hint`}
        value={value}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="submit">Search</button>
    </div>
  );
}
