//! A deterministic force-directed layout (ForceAtlas2-like), so the GEXF,
//! GraphML and HTML exports open laid out in Gephi, Gephi Lite and sigma.js.
//!
//! Forces as in ForceAtlas2 (Jacomy et al. 2014): nodes repel by
//! `k · mass_a · mass_b / distance` (mass = degree + 1), edges attract
//! linearly with their length, gravity pulls every node towards the origin
//! by `g · mass · distance`. Repulsion is approximated with a Barnes-Hut quadtree, so
//! an iteration costs O(n log n); a temperature that falls linearly caps how
//! far a node moves, and the number of iterations depends on the node count
//! only, which bounds the time on 100k nodes.
//!
//! Same input, same coordinates on any machine: start positions come from a
//! hash of the node id, every sum is taken in id order (each node's force
//! on its own, so threads share out the nodes, not the sums), and only
//! `+ - * /` and `sqrt` are used, which IEEE 754 defines exactly (no `sin`,
//! `powf` or `hypot` from a platform's libm).

use rayon::prelude::*;

use crate::graph::KnowledgeGraph;

/// A node's place in the plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

/// Repulsion strength (ForceAtlas2's scaling ratio).
const REPULSION: f64 = 10.0;
/// Gravity towards the origin, per unit of mass and of distance: the
/// "strong gravity" of ForceAtlas2, which keeps small components and lone
/// nodes near the rest instead of drifting away.
const GRAVITY: f64 = 0.02;
/// Barnes-Hut opening criterion: a cell whose width is below `THETA` times
/// its distance acts as one body.
const THETA: f64 = 1.2;
/// Added to squared distances so that coinciding nodes push finitely.
const SOFTENING: f64 = 0.01;
/// Deepest quadtree level; nodes closer than this resolves share a leaf.
const MAX_DEPTH: u32 = 48;

/// The positions of `graph`'s nodes, in [`KnowledgeGraph::nodes_sorted`]
/// order.
pub fn layout(graph: &KnowledgeGraph) -> Vec<Position> {
    let sorted = graph.node_indices_sorted();
    let mut rank = vec![0usize; graph.petgraph().node_count()];
    for (i, ix) in sorted.iter().enumerate() {
        rank[ix.index()] = i;
    }
    let ids: Vec<String> = sorted.iter().map(|&ix| graph.node(ix).id()).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let edges: Vec<(usize, usize)> = graph
        .edges_in_order()
        .map(|e| (rank[e.source_index.index()], rank[e.target_index.index()]))
        .collect();
    layout_ids(&ids, &edges)
}

/// How many iterations a graph of `n` nodes gets: 300 for small graphs,
/// fewer as it grows (50 from 60k nodes on), so the work stays bounded.
pub fn iterations(n: usize) -> usize {
    (3_000_000 / n.max(1)).clamp(50, 300)
}

/// The layout of nodes named by `ids` (start positions hash them) joined by
/// `edges` (pairs of indices into `ids`; self-loops and bad indices are
/// ignored).
pub fn layout_ids(ids: &[&str], edges: &[(usize, usize)]) -> Vec<Position> {
    let n = ids.len();
    let edges: Vec<(usize, usize)> = edges
        .iter()
        .copied()
        .filter(|&(a, b)| a != b && a < n && b < n)
        .collect();
    let mut mass = vec![1.0f64; n];
    for &(a, b) in &edges {
        mass[a] += 1.0;
        mass[b] += 1.0;
    }
    // start in a square whose area grows with n, so density is the same
    let spread = 10.0 * (n as f64).sqrt();
    let mut pos: Vec<Position> = ids
        .iter()
        .map(|id| {
            let h = crate::graph::fnv1a(id.as_bytes());
            Position {
                x: spread * unit(h as u32),
                y: spread * unit((h >> 32) as u32),
            }
        })
        .collect();
    if n < 2 {
        return pos
            .into_iter()
            .map(|_| Position { x: 0.0, y: 0.0 })
            .collect();
    }
    let rounds = iterations(n);
    let start_temperature = spread / 4.0;
    let mut force = vec![Position { x: 0.0, y: 0.0 }; n];
    let mut tree = QuadTree::default();
    for round in 0..rounds {
        tree.build(&pos, &mass);
        // each node's force reads the tree and writes only its own slot,
        // in the same order of operations on any thread: the threads
        // change the time, not the coordinates
        force
            .par_iter_mut()
            .enumerate()
            .for_each_init(Vec::new, |stack, (i, f)| {
                *f = tree.repulsion(stack, i, pos[i], mass[i]);
                // strong gravity: g·mass·distance towards the origin
                f.x -= GRAVITY * mass[i] * pos[i].x;
                f.y -= GRAVITY * mass[i] * pos[i].y;
            });
        for &(a, b) in &edges {
            let dx = pos[b].x - pos[a].x;
            let dy = pos[b].y - pos[a].y;
            force[a].x += dx;
            force[a].y += dy;
            force[b].x -= dx;
            force[b].y -= dy;
        }
        let temperature = start_temperature * (1.0 - round as f64 / rounds as f64) + 0.01;
        for i in 0..n {
            // a heavy node moves less (ForceAtlas2 divides by mass too)
            let fx = force[i].x / mass[i];
            let fy = force[i].y / mass[i];
            let f = (fx * fx + fy * fy).sqrt();
            if f > 0.0 {
                let step = f.min(temperature) / f;
                pos[i].x += fx * step;
                pos[i].y += fy * step;
            }
        }
    }
    pos
}

/// `bits` mapped to [-1, 1).
fn unit(bits: u32) -> f64 {
    f64::from(bits) / 2_147_483_648.0 - 1.0
}

/// One square of the quadtree: its total mass, mass-weighted position sum
/// (while the tree is built; then its centre of mass), and either the one
/// body it holds or its four children.
#[derive(Clone, Copy, Debug)]
struct Cell {
    centre_x: f64,
    centre_y: f64,
    half: f64,
    mass: f64,
    sum_x: f64,
    sum_y: f64,
    /// The body held by a leaf (`None`: empty, or an inner cell).
    body: Option<usize>,
    /// Index of the first of four consecutive children (0: a leaf).
    children: usize,
}

/// A Barnes-Hut quadtree in one arena, rebuilt each iteration (the arena's
/// memory is kept).
#[derive(Default)]
struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    fn build(&mut self, pos: &[Position], mass: &[f64]) {
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in pos {
            min_x = min_x.min(p.x);
            min_y = min_y.min(p.y);
            max_x = max_x.max(p.x);
            max_y = max_y.max(p.y);
        }
        let half = ((max_x - min_x).max(max_y - min_y) / 2.0).max(1.0) * 1.01;
        self.cells.clear();
        self.cells.push(Cell::empty(
            (min_x + max_x) / 2.0,
            (min_y + max_y) / 2.0,
            half,
        ));
        for (i, p) in pos.iter().enumerate() {
            self.insert(i, *p, mass[i], pos, mass);
        }
        // each cell's centre of mass divided out once, not at every one of
        // the many visits the walks make (the same quotient either way)
        for c in &mut self.cells {
            if c.mass != 0.0 {
                c.sum_x /= c.mass;
                c.sum_y /= c.mass;
            }
        }
    }

    fn insert(&mut self, body: usize, p: Position, m: f64, pos: &[Position], mass: &[f64]) {
        let mut cell = 0;
        let mut depth = 0;
        loop {
            let c = &mut self.cells[cell];
            let was_empty_leaf = c.children == 0 && c.body.is_none() && c.mass == 0.0;
            c.mass += m;
            c.sum_x += m * p.x;
            c.sum_y += m * p.y;
            if was_empty_leaf {
                c.body = Some(body);
                return;
            }
            if c.children == 0 {
                if depth >= MAX_DEPTH {
                    // bodies this close share the leaf as one aggregate
                    c.body = None;
                    return;
                }
                // split: push the leaf's own body one level down
                let resident = c.body.take();
                let first = self.split(cell);
                if let Some(r) = resident {
                    let child = first + self.quadrant(cell, pos[r]);
                    let rm = mass[r];
                    let ch = &mut self.cells[child];
                    ch.mass = rm;
                    ch.sum_x = rm * pos[r].x;
                    ch.sum_y = rm * pos[r].y;
                    ch.body = Some(r);
                }
            }
            cell = self.cells[cell].children + self.quadrant(cell, p);
            depth += 1;
        }
    }

    /// Gives `cell` four empty children and returns the first one's index.
    fn split(&mut self, cell: usize) -> usize {
        let c = self.cells[cell];
        let q = c.half / 2.0;
        let first = self.cells.len();
        for (dx, dy) in [(-q, -q), (q, -q), (-q, q), (q, q)] {
            self.cells
                .push(Cell::empty(c.centre_x + dx, c.centre_y + dy, q));
        }
        self.cells[cell].children = first;
        first
    }

    fn quadrant(&self, cell: usize, p: Position) -> usize {
        let c = &self.cells[cell];
        usize::from(p.x >= c.centre_x) + 2 * usize::from(p.y >= c.centre_y)
    }

    /// The repulsion on body `i` at `p` with mass `m`, walking the tree
    /// depth first in child order (`stack`: room for the walk, reused).
    fn repulsion(&self, stack: &mut Vec<usize>, i: usize, p: Position, m: f64) -> Position {
        let mut f = Position { x: 0.0, y: 0.0 };
        stack.clear();
        stack.push(0);
        while let Some(ix) = stack.pop() {
            let c = self.cells[ix];
            if c.mass == 0.0 || c.body == Some(i) {
                continue;
            }
            // (built: the sums are the centre of mass)
            let dx = p.x - c.sum_x;
            let dy = p.y - c.sum_y;
            let d2 = dx * dx + dy * dy + SOFTENING;
            // a cell holding the body itself is always opened
            let inside = (p.x - c.centre_x).abs() <= c.half && (p.y - c.centre_y).abs() <= c.half;
            let far = !inside && (2.0 * c.half) * (2.0 * c.half) < THETA * THETA * d2;
            if c.children == 0 || far {
                // k·m·M/d along the unit vector: k·m·M·(dx, dy)/d²
                let s = REPULSION * m * c.mass / d2;
                f.x += dx * s;
                f.y += dy * s;
            } else {
                // pushed in reverse so the children are visited in order
                for k in (0..4).rev() {
                    stack.push(c.children + k);
                }
            }
        }
        f
    }
}

impl Cell {
    fn empty(centre_x: f64, centre_y: f64, half: f64) -> Cell {
        Cell {
            centre_x,
            centre_y,
            half,
            mass: 0.0,
            sum_x: 0.0,
            sum_y: 0.0,
            body: None,
            children: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: Position, b: Position) -> f64 {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).sqrt()
    }

    #[test]
    fn threads_change_nothing() {
        // large enough for rayon to split the nodes among the threads
        let names: Vec<String> = (0..1200).map(|i| format!("node/{i}")).collect();
        let ids: Vec<&str> = names.iter().map(String::as_str).collect();
        let edges: Vec<(usize, usize)> =
            (0..2400).map(|i| (i % 1200, (i * 7 + 11) % 1200)).collect();
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| layout_ids(&ids, &edges))
        };
        let one = on(1);
        assert_eq!(one, on(3));
    }

    #[test]
    fn same_input_same_coordinates() {
        let ids = ["a", "b", "c", "d", "e"];
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4)];
        let first = layout_ids(&ids, &edges);
        assert_eq!(first, layout_ids(&ids, &edges));
        assert!(first.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    }

    /// The coordinates are part of the output: this pins them, so a change
    /// of platform, compiler or float evaluation that moved them shows here
    /// (debug and optimised builds agree).
    #[test]
    fn coordinates_are_pinned() {
        let ids = ["person/a", "role/b", "organization/c", "event/d", "place/e"];
        let edges = [(0, 1), (1, 2), (0, 3), (3, 4), (2, 4)];
        let got: Vec<String> = layout_ids(&ids, &edges)
            .iter()
            .map(|p| format!("{:.4} {:.4}", p.x, p.y))
            .collect();
        assert_eq!(
            got,
            [
                "3.0227 -13.0491",
                "-8.6522 -7.3520",
                "-5.7635 6.1970",
                "12.7822 -3.9846",
                "7.9616 8.0787",
            ]
        );
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        // two triangles joined by nothing: within a triangle nodes are near
        let ids = ["a1", "a2", "a3", "b1", "b2", "b3"];
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)];
        let p = layout_ids(&ids, &edges);
        let within = distance(p[0], p[1]).max(distance(p[3], p[4]));
        let across = distance(p[0], p[3]);
        assert!(within < across, "within {within}, across {across}");
    }

    #[test]
    fn no_node_sits_on_another() {
        let ids: Vec<String> = (0..200).map(|i| format!("node/{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let edges: Vec<(usize, usize)> = (1..200).map(|i| (0, i)).collect();
        let p = layout_ids(&ids, &edges);
        for i in 1..200 {
            for j in (i + 1)..200 {
                assert!(distance(p[i], p[j]) > 1e-3, "{i} and {j} coincide");
            }
        }
    }

    #[test]
    fn coinciding_start_positions_and_tiny_graphs_stay_finite() {
        let p = layout_ids(&["same", "same", "same"], &[(0, 1), (1, 1), (5, 0)]);
        assert!(p.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        assert_eq!(layout_ids(&["one"], &[]), vec![Position { x: 0.0, y: 0.0 }]);
        assert!(layout_ids(&[], &[]).is_empty());
    }

    #[test]
    fn iterations_are_bounded() {
        assert_eq!(iterations(80), 300);
        assert_eq!(iterations(100_000), 50);
    }
}
