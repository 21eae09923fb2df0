/**
 * Response times of the comparison and the scoreboard over the bundled
 * samples (the portal test fixture, PGlite): each page is requested `runs`
 * times in-process; the first (cold: charts drawn, JSON parsed) and the
 * median of the rest are reported. The comparison takes the first eight
 * disclosures in force (the most it allows).
 *
 *   node --import tsx bench/compare.bench.ts [--runs 11]
 */
import { ANONYMOUS } from "../src/service/actor.ts";
import { listDisclosures } from "../src/service/reads.ts";
import { portalFixture } from "../test/portal/app.ts";

const runsAt = process.argv.indexOf("--runs");
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 11;

const f = await portalFixture();
try {
  const items = (await listDisclosures(f.store, ANONYMOUS, { limit: 500 })).items;
  const inForce = items.filter((i) => i.latest?.state === "published");
  const query = inForce
    .slice(0, 8)
    .map((i) => `d=${i.id}`)
    .join("&");
  const hebei = items.find((i) => i.departmentName === "发改局")!.regionId;
  const paths = [
    `/compare?${query}`,
    `/compare.csv?${query}`,
    `/regions/${hebei}/scoreboard?year=2021`,
    `/regions/${hebei}?year=2021`,
  ];
  for (const path of paths) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await (await f.app.request(path)).arrayBuffer();
      times.push(performance.now() - started);
    }
    const rest = times.slice(1).sort((a, b) => a - b);
    const median = rest[Math.floor(rest.length / 2)] ?? times[0]!;
    console.log(
      `${path.split("?")[0]}: first ${times[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms`,
    );
  }
} finally {
  await f.close();
}
