//! Points, rectangles and colours in map units, without egui (the app's `egui::Pos2`/`Rect`
//! play this part on the canvas).

use std::ops::{Add, Mul, Sub};

/// A point, or a vector between points, in map units (y grows downwards).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    pub fn dot(self, other: Point) -> f32 {
        self.x * other.x + self.y * other.y
    }

    pub fn length(self) -> f32 {
        self.dot(self).sqrt()
    }

    /// The unit vector in this direction, or `fallback` for a (nearly) zero vector.
    pub fn normalized_or(self, fallback: Point) -> Point {
        let len = self.length();
        if len > 1e-3 {
            self * (1.0 / len)
        } else {
            fallback
        }
    }

    /// This vector turned a quarter to the left.
    pub fn perpendicular(self) -> Point {
        Point::new(-self.y, self.x)
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.y + o.y)
    }
}

impl Sub for Point {
    type Output = Point;
    fn sub(self, o: Point) -> Point {
        Point::new(self.x - o.x, self.y - o.y)
    }
}

impl Mul<f32> for Point {
    type Output = Point;
    fn mul(self, k: f32) -> Point {
        Point::new(self.x * k, self.y * k)
    }
}

/// An axis-aligned rectangle in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Rect {
    pub fn from_min_size(min: Point, width: f32, height: f32) -> Self {
        Self {
            min,
            max: Point::new(min.x + width, min.y + height),
        }
    }

    pub fn from_center_size(centre: Point, width: f32, height: f32) -> Self {
        Self::from_min_size(
            Point::new(centre.x - width / 2.0, centre.y - height / 2.0),
            width,
            height,
        )
    }

    /// The smallest rectangle holding all `points` (`None` when there are none).
    pub fn around(points: &[Point]) -> Option<Rect> {
        let first = *points.first()?;
        Some(points.iter().fold(
            Rect {
                min: first,
                max: first,
            },
            |r, p| Rect {
                min: Point::new(r.min.x.min(p.x), r.min.y.min(p.y)),
                max: Point::new(r.max.x.max(p.x), r.max.y.max(p.y)),
            },
        ))
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn left(&self) -> f32 {
        self.min.x
    }

    pub fn right(&self) -> f32 {
        self.max.x
    }

    pub fn top(&self) -> f32 {
        self.min.y
    }

    pub fn bottom(&self) -> f32 {
        self.max.y
    }

    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// Touching counts as intersecting, as with `egui::Rect::intersects`.
    pub fn intersects(&self, other: &Rect) -> bool {
        self.min.x <= other.max.x
            && other.min.x <= self.max.x
            && self.min.y <= other.max.y
            && other.min.y <= self.max.y
    }

    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }

    pub fn contains(&self, p: Point) -> bool {
        self.min.x <= p.x && p.x <= self.max.x && self.min.y <= p.y && p.y <= self.max.y
    }

    /// Grown by `by` on every side (shrunk for negative `by`).
    pub fn expand(&self, by: f32) -> Rect {
        Rect {
            min: Point::new(self.min.x - by, self.min.y - by),
            max: Point::new(self.max.x + by, self.max.y + by),
        }
    }

    pub fn translate(&self, by: Point) -> Rect {
        Rect {
            min: self.min + by,
            max: self.max + by,
        }
    }
}

/// An opaque sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
    pub const BLACK: Rgb = Rgb(0, 0, 0);

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `self` moved `t` of the way towards `other` (the app's `theme::mix`).
    pub fn mix(self, other: Rgb, t: f32) -> Rgb {
        let l = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
        Rgb(l(self.0, other.0), l(self.1, other.1), l(self.2, other.2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rectangles_and_colours() {
        let r = Rect::from_min_size(Point::new(10.0, 20.0), 100.0, 50.0);
        assert_eq!(r.center(), Point::new(60.0, 45.0));
        assert!(r.intersects(&Rect::from_min_size(Point::new(110.0, 70.0), 5.0, 5.0)));
        assert!(!r.intersects(&Rect::from_min_size(Point::new(111.0, 0.0), 5.0, 5.0)));
        let around = Rect::around(&[Point::new(3.0, -1.0), Point::new(-2.0, 4.0)]).unwrap();
        assert_eq!(around.min, Point::new(-2.0, -1.0));
        assert_eq!(around.max, Point::new(3.0, 4.0));
        assert_eq!(Rgb::WHITE.mix(Rgb(0, 0x62, 0x9b), 0.07).hex(), "#edf4f8");
        assert_eq!(
            Point::new(0.0, 0.0).normalized_or(Point::new(1.0, 0.0)).x,
            1.0
        );
    }
}
