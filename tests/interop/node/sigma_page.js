// The page of the sigma.js test (tests/interop/test_sigma.py), bundled for the
// browser by sigma.js with esbuild: graphology-gexf's browser parser (on the
// browser's own DOMParser, as in Gephi Lite) reads the GEXF into a graphology
// MultiGraph, and sigma draws it with its default styles (position, size,
// colour and label from the node attributes). No layout runs here: nodes
// stand where the file's viz:position puts them.
import { MultiGraph } from "graphology";
import { parse } from "graphology-gexf/browser";
import Sigma from "sigma";

// what sigma draws a node from, as parsed from the file
function drawnAttributes(graph) {
  return graph.mapNodes((key, a) => ({ key, x: a.x, y: a.y, size: a.size, color: a.color }));
}

// render(gexf text) -> a promise of what sigma drew, once it drew it: for
// each node its attributes as parsed, sigma's display data, the viewport
// point of its file position (graphToViewport) and its radius in pixels.
window.kgSigma = {
  render(gexf) {
    const graph = parse(MultiGraph, gexf);
    const parsed = drawnAttributes(graph);
    const container = document.getElementById("stage");
    // labels are drawn on a canvas above the nodes and would hide the
    // pixels the test reads (and they are not what it checks)
    const sigma = new Sigma(graph, container, { settings: { renderLabels: false } });
    return new Promise((resolve) => {
      sigma.once("afterRender", () => requestAnimationFrame(() => resolve()));
      sigma.refresh();
    }).then(() => ({
      order: graph.order,
      size: graph.size,
      viewport: sigma.getDimensions(),
      stagePadding: sigma.getSetting("stagePadding"),
      webgl: sigma.getWebGLContext().getParameter(WebGL2RenderingContext.VERSION),
      // the attributes after drawing: sigma must not have moved anything
      unchanged: JSON.stringify(drawnAttributes(graph)) === JSON.stringify(parsed),
      nodes: parsed.map((n) => {
        const shown = sigma.getNodeDisplayData(n.key);
        return {
          ...n,
          shown: shown && { x: shown.x, y: shown.y, size: shown.size, color: shown.color,
                            hidden: !!shown.hidden },
          at: sigma.graphToViewport({ x: n.x, y: n.y }),
          radius: shown && sigma.scaleSize(shown.size),
        };
      }),
    }));
  },
};
