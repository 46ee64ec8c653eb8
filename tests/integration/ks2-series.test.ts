/**
 * A school's KS2 series joined across a change of URN, read from the bundled open data in
 * seed/data (too large for the unit tier).
 */
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../seed/csv/table.js";
import { readTextFile } from "../../seed/csv/text.js";
import { DATASETS, dataFile } from "../../seed/datasets.js";
import {
  ESTABLISHMENT_LINK_COLUMNS,
  normaliseEstablishmentLinks,
} from "../../seed/sources/establishmentLinks.js";
import {
  combineSeries,
  KS2_HISTORY_COLUMNS,
  parseKs2History,
  predecessorIndex,
} from "../../seed/sources/outcomes.js";

describe("KS2 series across a change of URN, on the bundled files", () => {
  it("when Millennium Primary (143211) converted on 1 September 2016, then its series starts with 2015/16 from its predecessor 100111", () => {
    const [historyFile] = DATASETS.ks2History.files;
    const [linksFile] = DATASETS.establishmentLinks.files;
    const history = parseKs2History(
      parseCsv(readTextFile(dataFile(historyFile)), historyFile, { required: KS2_HISTORY_COLUMNS }),
    ).records;
    const links = normaliseEstablishmentLinks(
      parseCsv(readTextFile(dataFile(linksFile)), linksFile, {
        required: ESTABLISHMENT_LINK_COLUMNS,
      }),
      DATASETS.establishmentLinks.id,
    ).records;
    expect(links.successions).toContainEqual(
      expect.objectContaining({ predecessorUrn: 100111, successorUrn: 143211, on: "2016-09-01" }),
    );

    const { points } = combineSeries(143211, history, predecessorIndex(links.successions));

    // The CSV: 100111 2015/16 90; 143211 2016/17 90, 2017/18 75, 2018/19 66, 2022/23 51,
    // 2023/24 69, 2024/25 77.
    expect(points.map((p) => [p.year, p.value, p.urn])).toEqual([
      ["2015/16", 90, 100111],
      ["2016/17", 90, 143211],
      ["2017/18", 75, 143211],
      ["2018/19", 66, 143211],
      ["2022/23", 51, 143211],
      ["2023/24", 69, 143211],
      ["2024/25", 77, 143211],
    ]);
  });
});
