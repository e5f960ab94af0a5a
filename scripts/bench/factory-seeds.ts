// Factory costs a test pays: a build under a fresh seed against a reused factory's, and a checked
// page's items against unchecked builds (items validated one by one, then again in the page, cost twice).
import type { Row } from "./_kit.js";
import { loadKit } from "./_kit.js";
import { interleaved, rate } from "./_measure.js";

/** Builds per measurement; pages hold PAGE_SIZE items. */
const COUNT = 40_000;
const PAGES = 400;
const PAGE_SIZE = 50;

const fmtRate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString("en-US")}/s`;

/**
 * In this process, interleaved, `RUNS` times: `participantFactory.seed(i).build()` for i = 1…COUNT
 * against COUNT builds of one seeded factory; and a ListParticipant page of 50 answering a query
 * (so checked), built, against the same page given its 50 items (so it builds none, and checks the
 * page once). The second row's figure is what building the 50 items adds, over 50 unchecked builds
 * (at the reused factory's rate): about 1 when the page's one check covers its items, about 2 when
 * each item is validated as well.
 */
export async function benchFactorySeeds(): Promise<Row[]> {
  const { conferenceFactory, participantFactory, participantPageFactory } = await loadKit();
  const reused = participantFactory.seed(1);
  const items = participantFactory.seed(2).forConference(conferenceFactory.seed(2).build()).buildList(PAGE_SIZE);
  const pages = participantPageFactory.answering({ PageSize: PAGE_SIZE }).ofTotal(PAGE_SIZE);
  let seed = 0;
  const contestants = {
    fresh: () => rate(COUNT, () => participantFactory.seed(++seed).build()),
    reused: () => rate(COUNT, () => reused.build()),
    builtPage: () => rate(PAGES, (i) => pages.seed(i).build()),
    givenPage: () => rate(PAGES, (i) => pages.seed(i).build({ participants: items })),
  };
  for (const run of Object.values(contestants)) run(); // warm-up, not counted
  const m = await interleaved(contestants);
  const ratio = m.fresh / m.reused;
  const itemCost = (1 / m.builtPage - 1 / m.givenPage) / (PAGE_SIZE / m.reused);
  return [
    {
      measure: "factories: participantFactory.seed(i).build(), a fresh seed each build",
      kit: fmtRate(m.fresh),
      baseline: `one reused factory ${fmtRate(m.reused)}`,
      figure: `${ratio.toFixed(2)}×`,
      target: "≥ 0.5×",
      pass: ratio >= 0.5,
    },
    {
      measure: `factories: checked ListParticipant page of ${PAGE_SIZE}, its items' cost over unchecked builds`,
      kit: `${fmtRate(m.builtPage)} pages`,
      baseline: `given its items ${fmtRate(m.givenPage)} pages`,
      figure: `${itemCost.toFixed(2)}×`,
      target: "≤ 1.5× (validated once)",
      pass: itemCost <= 1.5,
    },
  ];
}
