//! The query string of a request: `a=1&b=two%20words` in, decoded values and typed
//! getters out, each failing with a 400 that names the parameter.

use super::Reply;

/// The decoded `key=value` pairs of a query string, in order.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a query string (without the `?`); `+` is a space, `%XY` a byte, and bytes
    /// that are not UTF-8 become U+FFFD.
    pub fn parse(query: &str) -> Params {
        Params(
            query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    /// The first non-empty value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    /// The value of `key`, or a 400 saying it is missing.
    pub fn required(&self, key: &str) -> Result<&str, Reply> {
        self.get(key)
            .ok_or_else(|| Reply::error(400, format!("missing parameter '{key}'")))
    }

    /// `key` as a whole number in `min..=max`, `default` when absent.
    pub fn number(
        &self,
        key: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, Reply> {
        let Some(text) = self.get(key) else {
            return Ok(default);
        };
        text.parse::<usize>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| {
                Reply::error(
                    400,
                    format!("'{key}' must be a whole number from {min} to {max} (got '{text}')"),
                )
            })
    }
}

/// Percent-decoding of one key or value.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (digit(bytes, i + 1), digit(bytes, i + 2)) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The hex digit at `i`, if there is one.
fn digit(bytes: &[u8], i: usize) -> Option<u8> {
    bytes
        .get(i)
        .and_then(|&b| (b as char).to_digit(16))
        .map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_plus_percent_and_bad_escapes() {
        let cases = [
            ("plain", "q=Iran", "Iran"),
            ("plus", "q=Syrian+government", "Syrian government"),
            ("percent", "q=Erdo%C4%9Fan", "Erdoğan"),
            ("bad escape kept", "q=100%", "100%"),
            ("short escape kept", "q=a%4", "a%4"),
            ("not utf-8", "q=%FF", "\u{fffd}"),
        ];
        for (name, query, want) in cases {
            assert_eq!(Params::parse(query).get("q"), Some(want), "case {name}");
        }
    }

    #[test]
    fn numbers_are_checked_against_their_range() {
        let p = Params::parse("depth=3&min=x&big=99");
        assert_eq!(p.number("depth", 1, 1, 4).unwrap(), 3);
        assert_eq!(p.number("absent", 2, 1, 4).unwrap(), 2);
        assert_eq!(p.number("min", 1, 1, 4).unwrap_err().status, 400);
        assert_eq!(p.number("big", 1, 1, 4).unwrap_err().status, 400);
    }
}
