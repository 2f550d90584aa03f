// Loads an actorgraph Cytoscape.js export in headless cytoscape and prints what it sees.
// Usage: node tests/js/check_cytoscape.js FILE.cyjs
const fs = require("fs");
const cytoscape = require("cytoscape");

const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const cy = cytoscape({ headless: true, elements: data.elements });
console.log(`nodes ${cy.nodes().length} edges ${cy.edges().length}`);
const d = cy.elements().dijkstra({ root: cy.$id("iran"), directed: true });
const path = d.pathTo(cy.$id("russia")).map((e) => e.id());
console.log(`path iran -> russia: ${path.join(",")}`);
