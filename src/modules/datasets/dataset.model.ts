/** Where figures came from: one record per published file the importer read. */
export interface DatasetRecord {
  id: string;
  title: string;
  publisher: string | null;
  /** The period the data describes, e.g. "2022/23". */
  period: string | null;
  licence: string | null;
  /** The attribution line the licence asks users to keep with any copy. */
  attribution: string | null;
  /** Where the copy was taken from: repository, path and commit. */
  origin: string | null;
  description: string | null;
}

/** A figure's source as stored on the figure: the id of a Dataset node. */
export type DatasetId = string;
