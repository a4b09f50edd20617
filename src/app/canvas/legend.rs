//! The legend: what the shapes, colours and line styles mean. It sits in the status bar, so
//! it never covers a card.

use super::card::paint_icon;
use super::links;
use crate::app::theme::Theme;
use crate::model::{NodeKind, Relation};
use egui::{Sense, Ui, vec2};

pub fn show(ui: &mut Ui) {
    let theme = Theme::from_visuals(ui.visuals());
    for kind in NodeKind::ALL {
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
        paint_icon(ui.painter(), kind, rect.center(), 4.5, theme.accent(kind));
        ui.label(kind.label());
        ui.add_space(6.0);
    }
    for relation in Relation::ALL {
        let (rect, _) = ui.allocate_exact_size(vec2(34.0, 14.0), Sense::hover());
        let a = rect.left_center();
        let sample = links::Route {
            points: [
                a,
                a + vec2(11.0, 0.0),
                a + vec2(22.0, 0.0),
                a + vec2(34.0, 0.0),
            ],
        };
        links::paint(ui.painter(), &theme, &sample, relation, 0.8, false);
        ui.label(relation.as_str());
        ui.add_space(6.0);
    }
}
