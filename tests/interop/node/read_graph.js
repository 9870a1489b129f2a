// Reads a GEXF or GraphML file with graphology's parsers (those of Gephi
// Lite and sigma.js) and prints the graph as JSON: every node and edge
// with its key, ends and attributes, as graphology holds them.
// Usage: node read_graph.js gexf|graphml FILE
"use strict";
const fs = require("node:fs");
const { MultiGraph } = require("graphology");
const parsers = { gexf: require("graphology-gexf"), graphml: require("graphology-graphml") };

const [format, file] = process.argv.slice(2);
const parser = parsers[format];
if (!parser || !file) {
  console.error("usage: node read_graph.js gexf|graphml FILE");
  process.exit(2);
}
const graph = parser.parse(MultiGraph, fs.readFileSync(file, "utf8"));
const out = {
  type: graph.type,
  multi: graph.multi,
  attributes: graph.getAttributes(),
  nodes: graph.mapNodes((key, attributes) => ({ key, attributes })),
  edges: graph.mapEdges((key, attributes, source, target, _s, _t, undirected) =>
    ({ key, source, target, undirected, attributes })),
};
process.stdout.write(JSON.stringify(out));
