//! Entity resolution: one node per real-world thing, within and across
//! documents, then the graph.

use crate::extract::DocFacts;
use crate::graph::KnowledgeGraph;

/// Merges the documents' entities and facts into one graph. `sources[i]` is
/// the name of the document `docs[i]` was read from.
pub fn resolve(sources: &[String], docs: Vec<DocFacts>) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    for (name, doc) in sources.iter().zip(docs) {
        graph.add_source(name);
        let ids: Vec<_> = doc
            .entities
            .iter()
            .map(|e| {
                graph.add_node(
                    e.kind,
                    &e.label,
                    e.label_en.as_deref(),
                    e.aliases.iter().cloned(),
                    e.evidence.iter().copied(),
                )
            })
            .collect();
        for fact in doc.facts {
            graph.add_edge(
                ids[fact.subject],
                fact.relation,
                ids[fact.object],
                fact.evidence,
                &fact.sentence,
            );
        }
    }
    graph
}
