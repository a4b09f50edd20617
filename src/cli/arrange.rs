//! `argmap arrange FILE [--direction down|up|right]`: Arrange All on a file, for scripts and
//! for maps written by other tools.

use super::{EXIT_USAGE, report_error};
use crate::format;
use crate::layout::{self, Scope};
use crate::model::LayoutDirection;
use crate::render::measure::estimated_size;
use std::path::Path;
use std::process::ExitCode;

/// Which way the trees grow, as the command line spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Direction {
    /// Children below what they bear on (the default).
    Down,
    /// Children above what they bear on, as Rationale draws.
    Up,
    /// Children to the right of what they bear on.
    Right,
}

impl From<Direction> for LayoutDirection {
    fn from(d: Direction) -> Self {
        match d {
            Direction::Down => LayoutDirection::Down,
            Direction::Up => LayoutDirection::Up,
            Direction::Right => LayoutDirection::Right,
        }
    }
}

/// Lays out `path` as Arrange All does in the window (cards measured as for an import, the
/// canvas of [`layout::CANVAS_ASPECT`]), in `direction` when given (which is then saved with
/// the map) or else in the map's own, and writes it back atomically. A file that does not
/// read or has errors is left as it is, each problem printed as FILE:LINE:COL.
pub fn run(path: &Path, direction: Option<Direction>) -> ExitCode {
    let current = match format::read_map_bytes(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            report_error(e);
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let mut map = match format::parse_valid(&current) {
        Ok(map) => map,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}", d.render(path));
            }
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if let Some(direction) = direction {
        map.layout_direction = direction.into();
    }
    let moves = layout::arrange(&map, &estimated_size, &Scope::All);
    let moved = moves.len();
    let index = map.node_index();
    let moves: Vec<(usize, _)> = moves.into_iter().map(|(id, p)| (index[&id], p)).collect();
    for (i, pos) in moves {
        map.nodes[i].pos = pos;
    }
    let text = format::to_ron_string(&map);
    if text.as_bytes() != current.as_slice()
        && let Err(e) = format::write_atomically(path, text.as_bytes())
    {
        report_error(format_args!("cannot write {}: {e}", path.display()));
        return ExitCode::from(EXIT_USAGE);
    }
    let (nodes, trees) = (map.nodes.len(), layout::tree_count(&map));
    println!(
        "{}: arranged {nodes} node{} in {trees} tree{}, direction {} ({moved} moved)",
        path.display(),
        if nodes == 1 { "" } else { "s" },
        if trees == 1 { "" } else { "s" },
        map.layout_direction.as_str(),
    );
    ExitCode::SUCCESS
}
