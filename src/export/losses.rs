//! What an export format cannot yet say about reasons, told rather than dropped: the Argdown
//! writer writes each premise of a reason as its own relation, so a linked reason's linkage,
//! an undercut's target reason, and a reason's scheme, warrant and answered question would be
//! lost without a word (Markdown keeps all but the number of the critical question an undercut
//! answers, DOT all but that and warrants). JSON and AIF keep them all (AIF as RA/CA nodes fed
//! by every premise, undercuts as CA edges onto the attacked RA, and what AIF has no place for
//! in its `argmap` member), and the pictures draw them.

use super::ExportFormat;
use crate::model::{ArgumentMap, Problem, ProblemPlace, Severity};

/// One warning per reason the export of `map` as `format` cannot keep whole, in link order,
/// placed at the link (so a caller with the file's text can give its line).
pub fn reason_losses(map: &ArgumentMap, format: ExportFormat) -> Vec<Problem> {
    let writes_reasons_whole = matches!(
        format,
        ExportFormat::Json
            | ExportFormat::Aif
            | ExportFormat::Svg
            | ExportFormat::Png
            | ExportFormat::Pdf
    );
    if writes_reasons_whole {
        return Vec::new();
    }
    let name = short_name(format);
    let mut out = Vec::new();
    for (index, link) in map.links.iter().enumerate() {
        if link.is_plain() {
            continue;
        }
        let mut lost = Vec::new();
        // Markdown writes a linked reason as one item with its scheme and warrant, and an
        // undercut as such; DOT draws the premises meeting at a point, undercuts ending on
        // it, and the scheme as a label.
        let markdown = format == ExportFormat::Markdown;
        let structure = markdown || format == ExportFormat::Dot;
        if link.is_linked() && !structure {
            let others: Vec<&str> = link.with.iter().map(|p| p.as_str()).collect();
            lost.push(if format == ExportFormat::Argdown {
                format!(
                    "its co-premises {} are written as separate relations, not as premises that count only together",
                    others.join(", ")
                )
            } else {
                format!(
                    "its co-premises {} are not linked to \"{}\"",
                    others.join(", "),
                    link.to
                )
            });
        }
        if let Some(premise) = link.undercuts.as_ref().filter(|_| !structure) {
            lost.push(format!(
                "it is written as opposing \"{}\" itself, not the inference of reason \"{premise}->{}\"",
                link.to, link.to
            ));
        }
        if link.scheme.is_some() && !structure {
            lost.push("its scheme is left out".to_owned());
        }
        if link.warrant.is_some() && !markdown {
            lost.push("its warrant is left out".to_owned());
        }
        if link.answers.is_some() {
            lost.push("the critical question it answers is left out".to_owned());
        }
        if lost.is_empty() {
            continue;
        }
        out.push(Problem {
            severity: Severity::Warning,
            place: ProblemPlace::Link {
                index,
                from: link.from.clone(),
                to: link.to.clone(),
            },
            message: format!(
                "reason \"{}\": the {name} export cannot keep all of it yet: {}",
                link.name(),
                lost.join("; ")
            ),
        });
    }
    out
}

fn short_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Argdown => "Argdown",
        ExportFormat::Aif => "AIF",
        ExportFormat::Markdown => "Markdown",
        ExportFormat::Dot => "DOT",
        ExportFormat::Json => "JSON",
        ExportFormat::Svg => "SVG",
        ExportFormat::Png => "PNG",
        ExportFormat::Pdf => "PDF",
    }
}

/// A sentence for the window's status bar: how many reasons the export could not keep whole.
pub fn summary(losses: &[Problem], format: ExportFormat) -> Option<String> {
    match losses.len() {
        0 => None,
        n => Some(format!(
            "{n} reason{} lost co-premises, undercuts, schemes or warrants in {} (JSON keeps them; `argmap export` lists each)",
            if n == 1 { "" } else { "s" },
            short_name(format)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Relation};

    #[test]
    fn every_reason_a_text_format_cannot_hold_is_named_and_plain_links_are_not() {
        let mut map = ArgumentMap::new("t");
        map.links = vec![
            Link::new("a", "t", Relation::Supports),
            Link {
                with: vec!["b".into()],
                scheme: Some("sign".into()),
                ..Link::new("c", "t", Relation::Supports)
            },
            Link::undercut("u", "c", "t"),
        ];
        let losses = reason_losses(&map, ExportFormat::Argdown);
        assert_eq!(losses.len(), 2);
        assert!(
            losses[0].message.contains("co-premises b"),
            "{}",
            losses[0].message
        );
        assert!(losses[0].message.contains("scheme"));
        assert!(losses[1].message.contains("inference of reason \"c->t\""));
        assert!(reason_losses(&map, ExportFormat::Json).is_empty());
        assert!(reason_losses(&map, ExportFormat::Svg).is_empty());
        assert!(reason_losses(&map, ExportFormat::Dot).is_empty());
        assert!(reason_losses(&map, ExportFormat::Markdown).is_empty());
    }
}
