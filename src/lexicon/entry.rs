//! Parsing of lexicon files: entity lines, role lines, ambiguity lines and stop-words.
//! One parser serves the embedded files, a user's files and `lexicon check`.

use std::borrow::Cow;

use crate::Error;
use crate::model::{EntityKind, EntityType, validate_date};

/// One entity of the lexicon (a line of an entity file). Its text borrows from the line it
/// was parsed from: the embedded files live as long as the program, so loading the
/// default lexicon copies no names; entries of a user's files are made owned
/// ([`Entry::into_owned`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub id: Cow<'a, str>,
    pub etype: EntityType,
    pub name: Cow<'a, str>,
    pub aliases: Vec<Cow<'a, str>>,
    /// ISO 3166-1 alpha-2, uppercase.
    pub country: Option<Cow<'a, str>>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Adjectival and plural forms (`Syrian`, `Syrians`).
    pub demonyms: Vec<Cow<'a, str>>,
    /// Id of the capital city (states).
    pub capital: Option<Cow<'a, str>>,
    /// Id of the entity this one belongs to (an institution's state).
    pub of: Option<Cow<'a, str>>,
    pub iso3: Option<Cow<'a, str>>,
    pub pop: Option<u64>,
    pub admin1: Option<Cow<'a, str>>,
}

impl Entry<'_> {
    pub fn kind(&self) -> EntityKind {
        self.etype.kind()
    }

    /// The same entry owning its text, free of the line it was parsed from.
    pub fn into_owned(self) -> Entry<'static> {
        let own = |s: Cow<'_, str>| Cow::Owned(s.into_owned());
        let own_opt = |s: Option<Cow<'_, str>>| s.map(own);
        let own_list = |v: Vec<Cow<'_, str>>| v.into_iter().map(own).collect();
        Entry {
            id: own(self.id),
            etype: self.etype,
            name: own(self.name),
            aliases: own_list(self.aliases),
            country: own_opt(self.country),
            lat: self.lat,
            lon: self.lon,
            demonyms: own_list(self.demonyms),
            capital: own_opt(self.capital),
            of: own_opt(self.of),
            iso3: own_opt(self.iso3),
            pop: self.pop,
            admin1: own_opt(self.admin1),
        }
    }
}

/// An office held by a person between two dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub person: String,
    pub title: String,
    pub of: String,
    pub from: String,
    /// `None` while still in office.
    pub to: Option<String>,
}

impl Role {
    /// Whether the role was held on `date` (`YYYY-MM-DD`; ISO dates compare as strings).
    pub fn held_on(&self, date: &str) -> bool {
        self.from.as_str() <= date && self.to.as_deref().is_none_or(|to| date <= to)
    }
}

/// What kind of file a lexicon file is, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Entities,
    Roles,
    Ambiguous,
    Stopwords,
    /// `titles*.tsv`: synonym TAB title used in roles.
    Titles,
}

impl FileKind {
    pub fn of(name: &str) -> FileKind {
        let base = name.rsplit('/').next().unwrap_or(name);
        if base.ends_with(".txt") {
            FileKind::Stopwords
        } else if base.starts_with("roles") {
            FileKind::Roles
        } else if base.starts_with("ambiguous") {
            FileKind::Ambiguous
        } else if base.starts_with("titles") {
            FileKind::Titles
        } else {
            FileKind::Entities
        }
    }
}

/// The meaningful lines of a file: (1-based line number, line), comments and blanks skipped.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    ends.map(move |end| {
        let line = &text[start.min(end)..end];
        start = end + 1;
        line.strip_suffix('\r').unwrap_or(line)
    })
    .enumerate()
    .map(|(i, l)| (i + 1, l))
    .filter(|(_, l)| !trim(l).is_empty() && !l.starts_with('#'))
}

/// `s.split(sep)` for an ASCII separator, as a byte loop: quicker than the general
/// searcher on the short columns of lexicon lines (~40,000 lines at each start).
fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// [`str::trim`], without decoding characters when neither end is whitespace (most columns).
fn trim(s: &str) -> &str {
    let plain = |b: &u8| b.is_ascii() && !b.is_ascii_whitespace();
    match s.as_bytes() {
        [first, .., last] if plain(first) && plain(last) => s,
        [only] if plain(only) => s,
        _ => s.trim(),
    }
}

fn list(s: &str) -> Vec<Cow<'_, str>> {
    if s.is_empty() {
        return Vec::new();
    }
    split_ascii(s, b'|')
        .map(trim)
        .filter(|x| !x.is_empty())
        .map(Cow::Borrowed)
        .collect()
}

fn opt(s: Option<&str>) -> Option<Cow<'_, str>> {
    non_empty(s).map(Cow::Borrowed)
}

/// A column trimmed, `None` when missing or empty.
fn non_empty(s: Option<&str>) -> Option<&str> {
    s.map(trim).filter(|x| !x.is_empty())
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The entity type named by a column: the exact spelling without allocating, else the
/// lenient [`EntityType::from_str`](std::str::FromStr).
fn entity_type(col: &str) -> Result<EntityType, String> {
    EntityType::ALL
        .into_iter()
        .find(|t| t.as_str() == col)
        .map_or_else(|| col.parse().map_err(|e: Error| e.to_string()), Ok)
}

/// Parses one entity line.
pub fn parse_entry(line: &str) -> Result<Entry<'_>, String> {
    // the columns without collecting them: this runs for every one of ~40,000 lines
    let mut cols = [""; 8];
    let mut count = 0;
    for col in split_ascii(line, b'\t') {
        if count < cols.len() {
            cols[count] = col;
        }
        count += 1;
    }
    if count < 3 {
        return Err(format!(
            "expected at least 3 tab-separated columns (id, type, name), found {count}"
        ));
    }
    if count > 8 {
        return Err(format!(
            "expected at most 8 tab-separated columns, found {count}"
        ));
    }
    let cols = &cols[..count];
    let id = trim(cols[0]);
    if !valid_id(id) {
        return Err(format!(
            "bad id '{id}' (use lowercase letters, digits and '-')"
        ));
    }
    let etype = entity_type(cols[1])?;
    let name = trim(cols[2]);
    if name.is_empty() {
        return Err("empty name".into());
    }
    let coord = |i: usize, max: f64, what: &str| -> Result<Option<f64>, String> {
        match non_empty(cols.get(i).copied()) {
            None => Ok(None),
            Some(v) => match v.parse::<f64>() {
                Ok(x) if x.abs() <= max => Ok(Some(x)),
                _ => Err(format!("bad {what} '{v}'")),
            },
        }
    };
    let country = opt(cols.get(4).copied());
    if let Some(c) = &country
        && (c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(format!(
            "bad country '{c}' (expected an uppercase ISO 3166-1 alpha-2 code)"
        ));
    }
    let mut e = Entry {
        id: Cow::Borrowed(id),
        etype,
        name: Cow::Borrowed(name),
        aliases: list(cols.get(3).copied().unwrap_or("")),
        country,
        lat: coord(5, 90.0, "latitude")?,
        lon: coord(6, 180.0, "longitude")?,
        demonyms: Vec::new(),
        capital: None,
        of: None,
        iso3: None,
        pop: None,
        admin1: None,
    };
    if let Some(attrs) = non_empty(cols.get(7).copied()) {
        for kv in split_ascii(attrs, b';').map(trim).filter(|s| !s.is_empty()) {
            let eq = kv
                .bytes()
                .position(|b| b == b'=')
                .ok_or_else(|| format!("bad attribute '{kv}' (expected key=value)"))?;
            let (k, v) = (&kv[..eq], &kv[eq + 1..]);
            let v = trim(v);
            match trim(k) {
                "demonym" => e.demonyms = list(v),
                "capital" => e.capital = Some(Cow::Borrowed(v)),
                "of" => e.of = Some(Cow::Borrowed(v)),
                "iso3" => e.iso3 = Some(Cow::Borrowed(v)),
                "admin1" => e.admin1 = Some(Cow::Borrowed(v)),
                "pop" => e.pop = Some(v.parse().map_err(|_| format!("bad population '{v}'"))?),
                other => {
                    return Err(format!(
                        "unknown attribute '{other}' (expected demonym, capital, of, iso3, pop or admin1)"
                    ));
                }
            }
        }
    }
    Ok(e)
}

/// Parses one role line.
pub fn parse_role(line: &str) -> Result<Role, String> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cols.len() < 4 || cols.len() > 5 {
        return Err(format!(
            "expected 4 or 5 tab-separated columns (person, title, of, from, to), found {}",
            cols.len()
        ));
    }
    if cols[1].is_empty() {
        return Err("empty title".into());
    }
    validate_date(cols[3]).map_err(|e| e.to_string())?;
    let to = non_empty(cols.get(4).copied()).map(str::to_string);
    if let Some(to) = &to {
        validate_date(to).map_err(|e| e.to_string())?;
        if to.as_str() < cols[3] {
            return Err(format!("role ends ({to}) before it starts ({})", cols[3]));
        }
    }
    Ok(Role {
        person: cols[0].to_string(),
        title: cols[1].to_lowercase(),
        of: cols[2].to_string(),
        from: cols[3].to_string(),
        to,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_lines_parse_with_attributes() {
        let e = parse_entry("sy\tstate\tSyria\tSyrian Arab Republic\tSY\t35\t38\tdemonym=Syrian|Syrians;capital=damascus;pop=22000000").unwrap();
        assert_eq!(e.demonyms, vec!["Syrian", "Syrians"]);
        assert_eq!(e.capital.as_deref(), Some("damascus"));
        assert_eq!(e.pop, Some(22_000_000));
        assert!(
            parse_entry("Bad Id\tstate\tX")
                .unwrap_err()
                .contains("bad id")
        );
        assert!(
            parse_entry("x\tnation\tX")
                .unwrap_err()
                .contains("unknown type")
        );
        assert!(
            parse_entry("x\tcity\tX\t\tsy")
                .unwrap_err()
                .contains("bad country")
        );
        assert!(
            parse_entry("x\tcity\tX\t\tSY\t91")
                .unwrap_err()
                .contains("latitude")
        );
        assert!(
            parse_entry("x\tcity\tX\t\t\t\t\tcolour=red")
                .unwrap_err()
                .contains("unknown attribute")
        );
    }

    #[test]
    fn role_lines_parse_and_know_their_dates() {
        let r = parse_role("erdogan\tpresident\ttr\t2014-08-28\t").unwrap();
        assert!(r.held_on("2024-12-05"));
        assert!(!r.held_on("2010-01-01"));
        assert!(parse_role("x\tpresident\ttr\t2020-01-01\t2019-01-01").is_err());
        assert!(parse_role("x\tpresident\ttr\tsoon").is_err());
    }
}
