/** A table of rows under a caption and one row of column headings. */
import type { ReactNode } from "react";

export function Table({
  caption,
  columns,
  className,
  children,
}: {
  caption: ReactNode;
  /** The column headings, left to right. */
  columns: readonly string[];
  className?: string;
  /** The body's rows. */
  children: ReactNode;
}) {
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
