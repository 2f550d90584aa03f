//! A local web viewer of the graph: HTTP requests in, the page (HTML, CSS and JavaScript
//! embedded in the binary) and JSON answers out.
//!
//! Routes: `/` the page, `/app.js` and `/style.css` its script and style, and the JSON API
//! ([`api`]): `/api/info`, `/api/search?q=`, `/api/graph?focus=&depth=&relations=&as_of=&min_evidence=`,
//! `/api/edge?source=&target=&relation=&as_of=` and `/api/timeline?place=&as_of=`. Any
//! other path is a 404; nothing is read from disk but the graph, so no path can reach a
//! file. Every request reads the store afresh (a database through its part reads), so
//! what another process ingests meanwhile shows on the next request. A request that fails
//! gets a 4xx or 5xx with a JSON `{"error": ...}`; a panic in a handler is caught and
//! answered with a 500, and the server goes on.

use std::net::SocketAddr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use serde::Serialize;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::Error;
use crate::graph::Graph;
use crate::model::EntityId;

pub mod api;
mod params;

pub use params::Params;

const PAGE: &str = include_str!("index.html");
const SCRIPT: &str = include_str!("app.js");
const STYLE: &str = include_str!("style.css");

/// How a name given on the page becomes an entity: the command line's resolver (the
/// graph's names and aliases, then the lexicon), so the page and the commands agree.
pub type Find<'a> = dyn Fn(&Graph, &str) -> Result<EntityId, Error> + 'a;

/// What the server answers from: the graph's path, the resolver, and the day the page's
/// slider starts at (the global `--as-of`; requests name their own day or none).
pub struct Viewer<'a> {
    pub graph: PathBuf,
    pub find: &'a Find<'a>,
    pub as_of: Option<String>,
    /// Listening on a loopback address: requests must name a loopback host, so that a web
    /// page elsewhere cannot reach the viewer through a name that resolves to 127.0.0.1
    /// (DNS rebinding).
    pub local_only: bool,
}

/// Whether a request's `Host` header names a loopback host (`127.0.0.1`, `localhost`,
/// `[::1]`, with or without a port).
pub fn loopback_host(host: Option<&str>) -> bool {
    let Some(host) = host else { return false };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// One answer: status, content type and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    /// A 200 with a JSON body.
    pub fn json(value: &impl Serialize) -> Reply {
        Reply::json_status(200, value)
    }

    /// A JSON body with the given status.
    pub fn json_status(status: u16, value: &impl Serialize) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec()),
        }
    }

    /// `{"error": message}` with a 4xx or 5xx status.
    pub fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::json_status(status, &serde_json::json!({ "error": message.into() }))
    }

    fn text(content_type: &'static str, body: &str) -> Reply {
        Reply {
            status: 200,
            content_type,
            body: body.as_bytes().to_vec(),
        }
    }

    fn not_found_page(path: &str) -> Reply {
        let path = path.replace('&', "&amp;").replace('<', "&lt;");
        Reply {
            status: 404,
            content_type: "text/html; charset=utf-8",
            body: format!(
                "<!doctype html><title>not found</title><p>no page at <code>{path}</code>; \
                 the viewer is at <a href=\"/\">/</a></p>"
            )
            .into_bytes(),
        }
    }
}

impl From<Error> for Reply {
    /// Unknown names are 404s, bad values and ambiguous names 400s (with the suggestions
    /// or candidates), a missing graph or Graphviz a 503, anything else a 500.
    fn from(e: Error) -> Reply {
        let status = match &e {
            Error::UnknownEntity { .. } => 404,
            Error::Ambiguous { .. } | Error::Invalid(_) | Error::AtLine { .. } => 400,
            Error::NoGraph(_) | Error::Graphviz(_) => 503,
            _ => 500,
        };
        let mut body = serde_json::json!({ "error": e.to_string() });
        match &e {
            Error::UnknownEntity { suggestions, .. } => {
                body["suggestions"] = suggestions.clone().into()
            }
            Error::Ambiguous { candidates, .. } => body["candidates"] = candidates.clone().into(),
            _ => {}
        }
        Reply::json_status(status, &body)
    }
}

/// Listens on `addr:port` (port 0: any free port); returns the server and the address it
/// got.
pub fn bind(addr: &str, port: u16) -> Result<(Server, SocketAddr), Error> {
    let cannot = |e: &dyn std::fmt::Display| {
        Error::Invalid(format!("cannot listen on {addr} port {port}: {e}"))
    };
    let server = Server::http((addr, port)).map_err(|e| cannot(&e))?;
    let local = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| cannot(&"not an IP address"))?;
    Ok((server, local))
}

/// Answers requests one after another until the process ends.
pub fn run(server: &Server, viewer: &Viewer<'_>) {
    for request in server.incoming_requests() {
        answer(viewer, request);
    }
}

/// Answers one request; a panic while answering becomes a 500.
fn answer(viewer: &Viewer<'_>, request: Request) {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    let reply = match request.method() {
        _ if viewer.local_only && !loopback_host(host.as_deref()) => Reply::error(
            403,
            "the viewer answers only requests for 127.0.0.1 or localhost (use --bind to serve others)",
        ),
        Method::Get | Method::Head => {
            let url = request.url().to_string();
            catch_unwind(AssertUnwindSafe(|| route(viewer, &url))).unwrap_or_else(|_| {
                Reply::error(
                    500,
                    "internal error while answering; see the server's stderr",
                )
            })
        }
        _ => Reply::error(405, "only GET requests"),
    };
    let _ = request.respond(response(reply));
}

/// The reply for one URL (path and query).
pub fn route(viewer: &Viewer<'_>, url: &str) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let params = Params::parse(query);
    let result = match path {
        "/" | "/index.html" => Ok(Reply::text("text/html; charset=utf-8", PAGE)),
        "/app.js" => Ok(Reply::text("text/javascript; charset=utf-8", SCRIPT)),
        "/style.css" => Ok(Reply::text("text/css; charset=utf-8", STYLE)),
        "/api/info" => api::info(viewer),
        "/api/search" => api::search(viewer, &params),
        "/api/graph" => api::graph(viewer, &params),
        "/api/edge" => api::edge(viewer, &params),
        "/api/timeline" => api::timeline(viewer, &params),
        p if p.starts_with("/api/") => Err(Reply::error(404, format!("no API endpoint '{p}'"))),
        p => Err(Reply::not_found_page(p)),
    };
    result.unwrap_or_else(|e| e)
}

/// The tiny_http response, with headers that keep the page to its own script and style.
fn response(reply: Reply) -> Response<std::io::Cursor<Vec<u8>>> {
    let header =
        |k: &str, v: &str| Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("ASCII header");
    Response::from_data(reply.body)
        .with_status_code(reply.status)
        .with_header(header("Content-Type", reply.content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_pass() {
        for ok in [
            "127.0.0.1:8377",
            "localhost:8377",
            "LOCALHOST",
            "[::1]:80",
            "127.0.0.2",
        ] {
            assert!(loopback_host(Some(ok)), "{ok}");
        }
        for bad in [
            "evil.example:8377",
            "192.168.1.2:8377",
            "localhost.evil.example",
            "",
        ] {
            assert!(!loopback_host(Some(bad)), "{bad}");
        }
        assert!(!loopback_host(None), "no Host header");
    }

    #[test]
    fn errors_get_their_status_and_what_helps() {
        let cases = [
            (
                "unknown",
                Error::UnknownEntity {
                    name: "Asad".into(),
                    suggestions: vec!["Bashar al-Assad".into()],
                },
                404,
                Some("suggestions"),
            ),
            (
                "ambiguous",
                Error::Ambiguous {
                    name: "Georgia".into(),
                    candidates: vec!["ge 'Georgia' (state)".into()],
                },
                400,
                Some("candidates"),
            ),
            ("bad value", Error::Invalid("bad date".into()), 400, None),
            ("no graphviz", Error::Graphviz("no dot".into()), 503, None),
        ];
        for (name, error, status, extra) in cases {
            let reply = Reply::from(error);
            assert_eq!(reply.status, status, "case {name}");
            let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
            assert!(body["error"].is_string(), "case {name}");
            if let Some(key) = extra {
                assert!(body[key].is_array(), "case {name}: {body}");
            }
        }
    }
}
