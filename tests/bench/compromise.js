// The compromise baseline of tests/bench/run.sh: people, places and
// organizations of the first SAMPLE articles of a JSON Lines corpus
// ({"id", "date", "title", "text"} a line), each article being its title, a
// blank line and its text (the bytes newsgraph reads). After one untimed
// pass, prints one JSON object: article and byte counts, the wall and CPU
// time of each run (seconds), the entity counts of the last run and the peak
// RSS (KB; run.sh measures it from outside instead, see bench.c --run).
// usage: node compromise.js CORPUS.jsonl [SAMPLE] [RUNS]
'use strict';
const fs = require('fs');
const readline = require('readline');
const nlp = require('compromise');

async function main() {
  const [corpus, sampleArg, runsArg] = process.argv.slice(2);
  if (!corpus) {
    process.stderr.write('usage: node compromise.js CORPUS.jsonl [SAMPLE] [RUNS]\n');
    process.exit(2);
  }
  const sample = parseInt(sampleArg || '300', 10);
  const runs = Math.max(1, parseInt(runsArg || '5', 10));
  const texts = [];
  const rl = readline.createInterface({ input: fs.createReadStream(corpus), crlfDelay: Infinity });
  for await (const line of rl) {
    if (texts.length >= sample) break;
    if (!line.trim()) continue;
    const o = JSON.parse(line);
    if (typeof o.text !== 'string') continue;
    texts.push(typeof o.title === 'string' && o.title ? o.title + '\n\n' + o.text : o.text);
  }
  rl.close();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const once = (list) => {
    let people = 0, places = 0, orgs = 0;
    for (const t of list) {
      const doc = nlp(t);
      people += doc.people().out('array').length;
      places += doc.places().out('array').length;
      orgs += doc.organizations().out('array').length;
    }
    return { people, places, orgs };
  };
  once(texts); // one untimed pass: V8's JIT and compromise's lazy lexicon warm up
  const times = [], cpu = [];
  let counts;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    counts = once(texts);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  process.stdout.write(JSON.stringify({
    version: nlp.version, articles: texts.length, bytes, runs, times, cpu, ...counts,
    maxrss_kb: process.resourceUsage().maxRSS,
  }) + '\n');
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
