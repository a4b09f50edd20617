//! The legend in the canvas corner: what the shapes, colours and line styles mean.

use super::card::paint_icon;
use super::links;
use crate::app::theme::Theme;
use crate::model::{NodeKind, Relation};
use egui::{Align2, FontId, Painter, Rect, Stroke, StrokeKind, pos2, vec2};

pub fn paint(painter: &Painter, theme: &Theme, canvas: Rect) {
    let row = 20.0;
    let size = vec2(150.0, 12.0 + row * 5.0 + 6.0);
    let frame = Rect::from_min_size(
        pos2(canvas.left() + 12.0, canvas.bottom() - 12.0 - size.y),
        size,
    );
    let fill = if theme.dark {
        egui::Color32::from_rgb(0x26, 0x29, 0x2f)
    } else {
        egui::Color32::WHITE
    };
    painter.rect(
        frame,
        6.0,
        fill.gamma_multiply(0.94),
        Stroke::new(1.0, theme.grid_dot),
        StrokeKind::Inside,
    );
    let font = FontId::proportional(12.0);
    let mut y = frame.top() + 8.0 + row / 2.0;
    for kind in NodeKind::ALL {
        let c = pos2(frame.left() + 18.0, y);
        paint_icon(painter, kind, c, 5.0, theme.accent(kind));
        painter.text(
            c + vec2(16.0, 0.0),
            Align2::LEFT_CENTER,
            kind.label(),
            font.clone(),
            theme.text,
        );
        y += row;
    }
    for relation in Relation::ALL {
        let a = pos2(frame.left() + 8.0, y);
        let sample = links::Route {
            points: [
                a,
                a + vec2(9.0, 0.0),
                a + vec2(17.0, 0.0),
                a + vec2(26.0, 0.0),
            ],
        };
        links::paint(painter, theme, &sample, relation, 0.8, false);
        let label = match relation {
            Relation::Supports => "supports",
            Relation::Opposes => "opposes",
        };
        painter.text(
            pos2(frame.left() + 42.0, y),
            Align2::LEFT_CENTER,
            label,
            font.clone(),
            theme.text,
        );
        y += row;
    }
}
