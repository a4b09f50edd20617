//! The parts of an AIF file the reader uses, read straight from the JSON text into small
//! structs that borrow their strings from it.
//!
//! A `serde_json::Value` of the whole file took about nine times the file's size (a 140 MB
//! export needed 1.3 GB). These types take what `Value` would give and nothing else: every
//! value is read with `deserialize_any`, as `Value` reads it, so the same texts are refused
//! with the same errors (nesting limit included), and a value of an unexpected type counts as
//! missing, as `value.get(…).and_then(Value::as_str)` would have it. A key given twice counts
//! as its last value, as in a `Value` object. Members the reader does not use are read and
//! dropped.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::fmt;

/// Any JSON value, read (with serde_json's nesting limit) and dropped.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Skip;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_unit<E>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_none<E>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Skip, A::Error> {
                Skip::visit_seq_into(seq).map(|()| Skip)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Skip, A::Error> {
                Skip::visit_map_into(map).map(|()| Skip)
            }
        }
        // Not `deserialize_ignored_any`: serde_json skips that without its nesting limit,
        // and a file `Value` refuses must still be refused.
        d.deserialize_any(V)
    }
}

/// A string borrowed from the text when it has no escapes, else unescaped into its own.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A value where AIF has a string, a number or a flag; anything else is `Other`.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Scalar<'a> {
    Str(Cow<'a, str>),
    Num(Number),
    Bool(bool),
    /// Missing, null, an array or an object.
    #[default]
    Other,
}

impl<'a> Scalar<'a> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Scalar::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The string, kept borrowed from the text when it is.
    pub fn into_str(self) -> Option<Cow<'a, str>> {
        match self {
            Scalar::Str(s) => Some(s),
            _ => None,
        }
    }

    /// An id: AIF gives them as strings or numbers (a number as `Value` prints it).
    pub fn into_id(self) -> Option<Cow<'a, str>> {
        match self {
            Scalar::Str(s) => Some(s),
            Scalar::Num(n) => Some(Cow::Owned(n.to_string())),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Scalar::Num(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn as_u32(&self) -> Option<u32> {
        match self {
            Scalar::Num(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Scalar::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Bool(b))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Num(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Num(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Scalar<'de>, E> {
                // As `Value` keeps it (JSON has no NaN or infinity, so this is always a number).
                Ok(Number::from_f64(v).map_or(Scalar::Other, Scalar::Num))
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Str(Cow::Owned(s)))
            }
            fn visit_unit<E>(self) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Other)
            }
            fn visit_none<E>(self) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar<'de>, A::Error> {
                Skip::visit_seq_into(seq)?;
                Ok(Scalar::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar<'de>, A::Error> {
                Skip::visit_map_into(map)?;
                Ok(Scalar::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl Skip {
    fn visit_seq_into<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(())
    }

    fn visit_map_into<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(())
    }
}

/// An object's members, one key at a time; keys the type does not use are skipped with
/// [`skip`].
pub trait Members<'de>: Default {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error>;
}

/// Reads and drops the value of a member nobody uses.
fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<Skip>().map(|_| ())
}

/// `Some` when the value is an object, `None` for any other value.
pub struct Object<T>(pub Option<T>);

impl<'de, T: Members<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Members<'de>> Visitor<'de> for V<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Object<T>, E> {
                Ok(Object(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Object<T>, E> {
                Ok(Object(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Object<T>, E> {
                Ok(Object(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Object<T>, E> {
                Ok(Object(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Object<T>, E> {
                Ok(Object(None))
            }
            fn visit_unit<E>(self) -> Result<Object<T>, E> {
                Ok(Object(None))
            }
            fn visit_none<E>(self) -> Result<Object<T>, E> {
                Ok(Object(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Object<T>, A::Error> {
                Skip::visit_seq_into(seq)?;
                Ok(Object(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object<T>, A::Error> {
                let mut out = T::default();
                while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
                    out.member(&key, &mut map)?;
                }
                Ok(Object(Some(out)))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// `Some` when the value is an array; its items that are not objects are `T::default()`, as
/// every member of them is missing.
pub struct Array<T>(pub Option<Vec<T>>);

impl<T> Default for Array<T> {
    fn default() -> Self {
        Array(None)
    }
}

impl<T> Array<T> {
    /// The items, none when the value is not an array.
    pub fn items(&self) -> &[T] {
        self.0.as_deref().unwrap_or_default()
    }
}

impl<'de, T: Members<'de>> Deserialize<'de> for Array<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Members<'de>> Visitor<'de> for V<T> {
            type Value = Array<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Array<T>, E> {
                Ok(Array(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Array<T>, E> {
                Ok(Array(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Array<T>, E> {
                Ok(Array(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Array<T>, E> {
                Ok(Array(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Array<T>, E> {
                Ok(Array(None))
            }
            fn visit_unit<E>(self) -> Result<Array<T>, E> {
                Ok(Array(None))
            }
            fn visit_none<E>(self) -> Result<Array<T>, E> {
                Ok(Array(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Array<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(Object(item)) = seq.next_element::<Object<T>>()? {
                    items.push(item.unwrap_or_default());
                }
                Ok(Array(Some(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Array<T>, A::Error> {
                Skip::visit_map_into(map)?;
                Ok(Array(None))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// The whole file: AIFdb's plain `{nodes, edges, …}` or OVA's `{"AIF": {…}, "OVA": {…}, …}`.
#[derive(Default)]
pub struct Root<'a> {
    /// `"AIF"` when it is an object.
    pub wrapped: Option<Aif<'a>>,
    /// The AIF members at the top level (AIFdb's files).
    pub plain: Aif<'a>,
    pub ova: Option<Ova<'a>>,
    pub text: Scalar<'a>,
    /// `"argmap"`, whatever its value (an extension that is not an object says nothing).
    pub extension: Option<Extension<'a>>,
}

impl<'de> Members<'de> for Root<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "AIF" => self.wrapped = map.next_value::<Object<Aif>>()?.0,
            "OVA" => self.ova = map.next_value::<Object<Ova>>()?.0,
            "text" => self.text = map.next_value()?,
            "argmap" => {
                self.extension = Some(map.next_value::<Object<Extension>>()?.0.unwrap_or_default())
            }
            _ => return self.plain.member(key, map),
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct Aif<'a> {
    pub nodes: Array<AifNode<'a>>,
    pub edges: Array<AifEdge<'a>>,
    pub participants: Array<Participant<'a>>,
    pub locutions: Array<Locution<'a>>,
}

impl<'de> Members<'de> for Aif<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "nodes" => self.nodes = map.next_value()?,
            "edges" => self.edges = map.next_value()?,
            "participants" => self.participants = map.next_value()?,
            "locutions" => self.locutions = map.next_value()?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct AifNode<'a> {
    pub id: Scalar<'a>,
    pub kind: Scalar<'a>,
    pub text: Scalar<'a>,
    pub scheme: Scalar<'a>,
    pub scheme_id: Scalar<'a>,
}

impl<'de> Members<'de> for AifNode<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "nodeID" => self.id = map.next_value()?,
            "type" => self.kind = map.next_value()?,
            "text" => self.text = map.next_value()?,
            "scheme" => self.scheme = map.next_value()?,
            "schemeID" => self.scheme_id = map.next_value()?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct AifEdge<'a> {
    pub id: Scalar<'a>,
    pub from: Scalar<'a>,
    pub to: Scalar<'a>,
}

impl<'de> Members<'de> for AifEdge<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "edgeID" => self.id = map.next_value()?,
            "fromID" => self.from = map.next_value()?,
            "toID" => self.to = map.next_value()?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct Participant<'a> {
    pub id: Scalar<'a>,
    pub firstname: Scalar<'a>,
    pub surname: Scalar<'a>,
}

impl<'de> Members<'de> for Participant<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "participantID" => self.id = map.next_value()?,
            "firstname" => self.firstname = map.next_value()?,
            "surname" => self.surname = map.next_value()?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct Locution<'a> {
    pub node: Scalar<'a>,
    pub person: Scalar<'a>,
}

impl<'de> Members<'de> for Locution<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "nodeID" => self.node = map.next_value()?,
            "personID" => self.person = map.next_value()?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct Ova<'a> {
    pub nodes: Array<OvaNode<'a>>,
    pub url: Scalar<'a>,
}

impl<'de> Members<'de> for Ova<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "nodes" => self.nodes = map.next_value()?,
            "url" => self.url = map.next_value()?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct OvaNode<'a> {
    pub id: Scalar<'a>,
    pub x: Scalar<'a>,
    pub y: Scalar<'a>,
}

impl<'de> Members<'de> for OvaNode<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "nodeID" => self.id = map.next_value()?,
            "x" => self.x = map.next_value()?,
            "y" => self.y = map.next_value()?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

/// What argmap writes under `"argmap"`. Sources, kinds, citations and the talk stay `Value`s
/// (small ones), read into the model's types as before, with the same messages.
#[derive(Default)]
pub struct Extension<'a> {
    pub title: Scalar<'a>,
    pub description: Scalar<'a>,
    pub main_claim: Scalar<'a>,
    pub sources: Option<Value>,
    pub nodes: Array<ExtensionNode<'a>>,
    pub reasons: Array<ExtensionReason<'a>>,
    pub presentation: Option<Value>,
}

impl<'de> Members<'de> for Extension<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "title" => self.title = map.next_value()?,
            "description" => self.description = map.next_value()?,
            "main_claim" => self.main_claim = map.next_value()?,
            "sources" => self.sources = Some(map.next_value()?),
            "nodes" => self.nodes = map.next_value()?,
            "reasons" => self.reasons = map.next_value()?,
            "presentation" => self.presentation = Some(map.next_value()?),
            _ => skip(map)?,
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct ExtensionNode<'a> {
    pub id: Scalar<'a>,
    pub kind: Option<Value>,
    pub notes: Scalar<'a>,
    pub pinned: Scalar<'a>,
    pub citations: Option<Value>,
}

impl<'de> Members<'de> for ExtensionNode<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "id" => self.id = map.next_value()?,
            "kind" => self.kind = Some(map.next_value()?),
            "notes" => self.notes = map.next_value()?,
            "pinned" => self.pinned = map.next_value()?,
            "citations" => self.citations = Some(map.next_value()?),
            _ => skip(map)?,
        }
        Ok(())
    }
}

/// What AIF has no place for about the reason an RA or CA node stands for: its warrant, the
/// critical question it answers, and its scheme when the node's own would not read back as
/// stored.
#[derive(Default)]
pub struct ExtensionReason<'a> {
    pub node: Scalar<'a>,
    pub scheme: Scalar<'a>,
    pub warrant: Scalar<'a>,
    pub answers: Scalar<'a>,
}

impl<'de> Members<'de> for ExtensionReason<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "node" => self.node = map.next_value()?,
            "scheme" => self.scheme = map.next_value()?,
            "warrant" => self.warrant = map.next_value()?,
            "answers" => self.answers = map.next_value()?,
            _ => skip(map)?,
        }
        Ok(())
    }
}

/// The file read, or `None` when it is JSON but not an object.
pub fn parse(text: &str) -> serde_json::Result<Option<Root<'_>>> {
    serde_json::from_str::<Object<Root>>(text).map(|o| o.0)
}
