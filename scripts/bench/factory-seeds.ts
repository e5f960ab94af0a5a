// Factory costs a test pays: a build under a fresh seed against a reused factory's, and a checked
// page against one validation of it (a page whose items were each validated too would cost two).
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
 * (so checked) against validating a built page. The second row's figure is the checked page's time
 * less its 50 items' (at the reused factory's rate), in page validations: about 1 when each object
 * is validated once, about 2 when every item is validated and then the page.
 */
export async function benchFactorySeeds(): Promise<Row[]> {
  const { participantFactory, participantPageFactory, validateResource } = await loadKit();
  const reused = participantFactory.seed(1);
  const page = participantPageFactory.seed(1).ofTotal(PAGE_SIZE).build();
  const query = { PageSize: PAGE_SIZE };
  let seed = 0;
  const contestants = {
    fresh: () => rate(COUNT, () => participantFactory.seed(++seed).build()),
    reused: () => rate(COUNT, () => reused.build()),
    checkedPage: () => rate(PAGES, (i) => participantPageFactory.seed(i).answering(query).ofTotal(PAGE_SIZE).build()),
    validatePage: () => rate(PAGES, () => validateResource("participant-page", page, { profile: "strict" })),
  };
  for (const run of Object.values(contestants)) run(); // warm-up, not counted
  const m = await interleaved(contestants);
  const ratio = m.fresh / m.reused;
  const validations = (1 / m.checkedPage - PAGE_SIZE / m.reused) / (1 / m.validatePage);
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
      measure: `factories: checked ListParticipant page of ${PAGE_SIZE} (answering), validations per build`,
      kit: `${fmtRate(m.checkedPage)} pages`,
      baseline: `one page validation ${fmtRate(m.validatePage)}`,
      figure: `${validations.toFixed(2)} validations`,
      target: "≤ 1.5 (each object once)",
      pass: validations <= 1.5,
    },
  ];
}
