// Loads an RDF file into an in-memory oxigraph store (strict parsing: any
// syntax error or invalid IRI fails the load) and runs SPARQL queries.
// usage: node rdf_query.js FILE MEDIA-TYPE < {"name": "SPARQL", ...}
// prints {"size": N, "results": {"name": <SPARQL JSON results>, ...}}
'use strict';
const fs = require('fs');
const oxigraph = require('oxigraph');

const [file, format] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
const store = new oxigraph.Store();
store.load(fs.readFileSync(file, 'utf8'), {format});
const results = {};
for (const [name, sparql] of Object.entries(queries))
	results[name] = JSON.parse(store.query(sparql, {results_format: 'application/sparql-results+json'}));
process.stdout.write(JSON.stringify({size: store.size, results}));
