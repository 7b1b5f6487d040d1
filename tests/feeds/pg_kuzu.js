// Loads newsgraph's Cypher script (twice) and its CSV files into kuzu, an
// embedded property-graph database, and prints what each store then holds
// as one JSON object, for run_pg.py to compare with the JSON graph.
//
// usage: node pg_kuzu.js GRAPH.json GRAPH.cypher CSVDIR
//
// kuzu needs a schema: a node table per label and a REL table per relation
// type with a FROM/TO pair per (source label, target label) the JSON graph
// uses. The Cypher runs as written but for one dialect gap: kuzu reads "\r"
// in a string literal as "r" (it keeps only \\, \' and \"), while Neo4j needs
// the escape (cypher-shell reads its input by lines), so the statement
// splitter below turns \r (and \uXXXX, for other C0 controls) into the raw
// character before kuzu sees it.
'use strict';
const fs = require('fs');
const path = require('path');

function fail(msg) {
	process.stderr.write('pg_kuzu.js: ' + msg + '\n');
	process.exit(1);
}

let kuzu;
try {
	kuzu = require('kuzu');
} catch (e) {
	fail('the npm package kuzu is missing (npm ci in tests/feeds): ' + e.message);
}

const TYPES = ['person', 'state', 'organization', 'company', 'agreement', 'location', 'group'];
const label = (t) => t[0].toUpperCase() + t.slice(1);
const relType = (r) => r.toUpperCase();
const NODE_COLS = 'id STRING PRIMARY KEY, type STRING, name STRING, aliases STRING[], wikidata STRING, ' +
	'iso3166 STRING, mention_count INT64, mentions STRING';
const REL_COLS = 'type STRING, symmetric BOOLEAN, modality STRING, negated BOOLEAN, date STRING, count INT64, ' +
	'confidence DOUBLE, cameo STRING, attrs STRING, evidence STRING';
const CSV_OPTS = '(header=true, parallel=false)'; // the parallel reader refuses quoted newlines
const NODE_CSV = '(`id:ID` STRING, `:LABEL` STRING, type STRING, name STRING, `aliases:string[]` STRING, ' +
	'wikidata STRING, iso3166 STRING, `mention_count:int` INT64, mentions STRING)';
const EDGE_CSV = '(`:START_ID` STRING, `:END_ID` STRING, `:TYPE` STRING, type STRING, `symmetric:boolean` BOOLEAN, ' +
	'modality STRING, `negated:boolean` BOOLEAN, date STRING, `count:int` INT64, `confidence:double` DOUBLE, ' +
	'cameo STRING, attrs STRING, evidence STRING)';

// Splits a Cypher script into statements at each ';' outside strings,
// backquotes and // comments, bridging the \r gap described above.
function statements(text) {
	const out = [];
	let cur = '', quote = null, comment = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (comment) {
			cur += ch;
			comment = ch !== '\n';
		} else if (quote) {
			if (ch === '\\' && quote !== '`') {
				const nx = text[i + 1];
				if (nx === 'r') {
					cur += '\r';
					i++;
				} else if (nx === 'u') {
					cur += String.fromCharCode(parseInt(text.substr(i + 2, 4), 16));
					i += 5;
				} else {
					cur += ch + nx;
					i++;
				}
				continue;
			}
			cur += ch;
			if (ch === quote)
				quote = null;
		} else if (ch === '/' && text[i + 1] === '/') {
			comment = true;
			cur += ch;
		} else if (ch === '\'' || ch === '"' || ch === '`') {
			quote = ch;
			cur += ch;
		} else if (ch === ';') {
			out.push(cur);
			cur = '';
		} else {
			cur += ch;
		}
	}
	if (quote)
		fail('the Cypher script ends inside a ' + quote + ' literal');
	if (cur.trim())
		fail('the Cypher script does not end with ";": ' + cur.trim().slice(0, 80));
	return out;
}

// Runs one statement and returns its rows; every QueryResult is closed
// before anything else happens (kuzu's node binding crashes otherwise).
function query(conn, stmt) {
	let res;
	try {
		res = conn.querySync(stmt);
	} catch (e) {
		fail('kuzu refused: ' + e.message + '\nstatement: ' + stmt.slice(0, 400));
	}
	const results = Array.isArray(res) ? res : [res];
	let rows = [];
	for (const r of results) {
		rows = rows.concat(r.getAllSync());
		r.close();
	}
	return rows;
}

function createSchema(conn, graph) {
	const typeOf = new Map(graph.nodes.map((n) => [n.id, n.type]));
	for (const t of TYPES)
		query(conn, 'CREATE NODE TABLE `' + label(t) + '`(' + NODE_COLS + ')');
	const pairs = new Map();
	for (const e of graph.edges) {
		const key = relType(e.type);
		if (!pairs.has(key))
			pairs.set(key, new Map());
		const s = label(typeOf.get(e.source)), t = label(typeOf.get(e.target));
		pairs.get(key).set(s + '\t' + t, [s, t]);
	}
	for (const [rel, ps] of pairs) {
		const from = [...ps.values()].map(([s, t]) => 'FROM `' + s + '` TO `' + t + '`').join(', ');
		query(conn, 'CREATE REL TABLE `' + rel + '`(' + from + ', ' + REL_COLS + ')');
	}
	return pairs;
}

// Everything a store holds, in a form independent of how it was loaded.
function dump(conn, graph) {
	const nodes = query(conn, 'MATCH (n) RETURN label(n) AS label, n.id AS id, n.type AS type, n.name AS name, ' +
		'n.aliases AS aliases, n.wikidata AS wikidata, n.iso3166 AS iso3166, n.mention_count AS mention_count, ' +
		'n.mentions AS mentions ORDER BY id');
	const edges = query(conn, 'MATCH (a)-[r]->(b) RETURN label(r) AS rel, a.id AS source, b.id AS target, ' +
		'r.type AS type, r.symmetric AS symmetric, r.modality AS modality, r.negated AS negated, r.date AS date, ' +
		'r.count AS count, r.confidence AS confidence, r.cameo AS cameo, r.attrs AS attrs, ' +
		'r.evidence AS evidence ORDER BY source, type, target');
	const labels = {}, rels = {};
	for (const t of TYPES)
		labels[label(t)] = query(conn, 'MATCH (n:`' + label(t) + '`) RETURN count(*) AS c')[0].c;
	for (const r of new Set(graph.edges.map((e) => relType(e.type))))
		rels[r] = query(conn, 'MATCH ()-[r:`' + r + '`]->() RETURN count(*) AS c')[0].c;
	const putin = 'person:vladimir-putin';
	const out = query(conn, 'MATCH (p:`Person` {id: \'' + putin + '\'})-[r]->(x) RETURN label(r) AS rel, ' +
		'x.id AS other, r.date AS date, r.evidence AS evidence ORDER BY other, rel');
	const inc = query(conn, 'MATCH (x)-[r]->(p:`Person` {id: \'' + putin + '\'}) RETURN label(r) AS rel, ' +
		'x.id AS other, r.date AS date, r.evidence AS evidence ORDER BY other, rel');
	return {nodes, edges, labels, rels, putin_out: out, putin_in: inc};
}

function withDatabase(fn) {
	const db = new kuzu.Database(':memory:');
	const conn = new kuzu.Connection(db);
	try {
		return fn(conn);
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}

function loadCypher(graph, script) {
	return withDatabase((conn) => {
		createSchema(conn, graph);
		const stmts = statements(script);
		for (const s of stmts)
			query(conn, s);
		const first = dump(conn, graph);
		for (const s of stmts)
			query(conn, s);
		return {first, again: dump(conn, graph), statements: stmts.length};
	});
}

function loadCsv(graph, dir) {
	const nodesCsv = path.join(dir, 'nodes.csv'), edgesCsv = path.join(dir, 'edges.csv');
	return withDatabase((conn) => {
		const pairs = createSchema(conn, graph);
		for (const t of TYPES)
			query(conn, 'COPY `' + label(t) + '` FROM (LOAD WITH HEADERS ' + NODE_CSV + ' FROM \'' + nodesCsv +
				'\' ' + CSV_OPTS + ' WHERE `:LABEL` = \'' + label(t) + '\' RETURN `id:ID`, type, name, ' +
				'string_split(`aliases:string[]`, \'\x1f\'), wikidata, iso3166, `mention_count:int`, mentions)');
		// The import format names no endpoint labels; ids are "<type>:<slug>".
		for (const [rel, ps] of pairs)
			for (const [s, t] of ps.values())
				query(conn, 'COPY `' + rel + '` FROM (LOAD WITH HEADERS ' + EDGE_CSV + ' FROM \'' + edgesCsv + '\' ' +
					CSV_OPTS + ' WHERE `:TYPE` = \'' + rel + '\' AND `:START_ID` STARTS WITH \'' +
					s.toLowerCase() + ':\' AND `:END_ID` STARTS WITH \'' + t.toLowerCase() + ':\' RETURN ' +
					'`:START_ID`, `:END_ID`, type, `symmetric:boolean`, modality, `negated:boolean`, date, ' +
					'`count:int`, `confidence:double`, cameo, attrs, evidence) (from=\'' + s + '\', to=\'' + t + '\')');
		return dump(conn, graph);
	});
}

if (process.argv.length !== 5)
	fail('usage: node pg_kuzu.js GRAPH.json GRAPH.cypher CSVDIR');
const graph = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cypher = loadCypher(graph, fs.readFileSync(process.argv[3], 'utf8'));
const csv = loadCsv(graph, process.argv[4]);
process.stdout.write(JSON.stringify({cypher, csv}) + '\n');
