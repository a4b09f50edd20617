//! What an export format cannot say about reasons, told rather than dropped: Markdown keeps
//! all but the number of the critical question an undercut answers, DOT all but that and
//! warrants. JSON, AIF (RA/CA nodes fed by every premise, undercuts as CA edges onto the
//! attacked RA, the rest in its `argmap` member) and Argdown (a reason beyond a plain link is
//! an argument with its premise–conclusion structure) keep them all, and the pictures draw
//! them.

use super::ExportFormat;
use crate::model::{ArgumentMap, Problem, ProblemPlace, Severity};

/// One warning per reason the export of `map` as `format` cannot keep whole, in link order,
/// placed at the link (so a caller with the file's text can give its line).
pub fn reason_losses(map: &ArgumentMap, format: ExportFormat) -> Vec<Problem> {
    let writes_reasons_whole = matches!(
        format,
        ExportFormat::Json
            | ExportFormat::Aif
            | ExportFormat::Argdown
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
        // it, and the scheme as a label, but has no place for a warrant.
        let markdown = format == ExportFormat::Markdown;
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
    fn what_markdown_and_dot_cannot_hold_is_named_and_the_other_formats_keep_all() {
        let mut map = ArgumentMap::new("t");
        map.links = vec![
            Link::new("a", "t", Relation::Supports),
            Link {
                with: vec!["b".into()],
                scheme: Some("sign".into()),
                warrant: Some("Signs like this one mean it.".into()),
                ..Link::new("c", "t", Relation::Supports)
            },
            Link {
                answers: Some(2),
                ..Link::undercut("u", "c", "t")
            },
        ];
        let md = reason_losses(&map, ExportFormat::Markdown);
        assert_eq!(md.len(), 1);
        assert!(
            md[0].message.contains("reason \"u->t\""),
            "{}",
            md[0].message
        );
        assert!(md[0].message.contains("critical question"));
        let dot = reason_losses(&map, ExportFormat::Dot);
        assert_eq!(dot.len(), 2);
        assert!(dot[0].message.contains("warrant"), "{}", dot[0].message);
        for format in [
            ExportFormat::Argdown,
            ExportFormat::Aif,
            ExportFormat::Json,
            ExportFormat::Svg,
        ] {
            assert!(reason_losses(&map, format).is_empty(), "{format:?}");
        }
    }
}
