//! GeoJSON for maps: a FeatureCollection of the places that have coordinates, each with who
//! controls it, since when (its first control evidence) and how much evidence says so.
//! Coordinates are `[lon, lat]` as RFC 7946 requires.

use serde_json::{Value, json};

use crate::graph::Graph;
use crate::model::{EntityKind, Relation};

/// The places with coordinates as a FeatureCollection, sorted by id. `controller` is the
/// controller with the latest evidence (ties: more evidence, then id), for styling a map;
/// `controlled_by` lists them all. O(V log V + E).
pub fn to_geojson(graph: &Graph) -> Value {
    let mut features = Vec::new();
    for place in graph.entities_sorted() {
        let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
            continue;
        };
        if place.kind != EntityKind::Place || !lat.is_finite() || !lon.is_finite() {
            continue;
        }
        let mut controllers: Vec<_> = graph
            .edges_of(&place.id)
            .filter(|e| e.relation == Relation::Controls && e.target == &place.id)
            .collect();
        controllers.sort_by(|a, b| {
            (b.last_date(), b.evidence.len(), a.source).cmp(&(
                a.last_date(),
                a.evidence.len(),
                b.source,
            ))
        });
        let controlled_by: Vec<Value> = controllers
            .iter()
            .map(|e| {
                json!({
                    "id": e.source,
                    "name": graph.entity(e.source).map(|x| x.name.as_str()),
                    "since": e.first_date(),
                    "last_date": e.last_date(),
                    "evidence_count": e.evidence.len(),
                })
            })
            .collect();
        let evidence: usize = controllers.iter().map(|e| e.evidence.len()).sum();
        features.push(json!({
            "type": "Feature",
            "id": place.id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "id": place.id,
                "name": place.name,
                "type": place.etype,
                "country": place.country,
                "controller": controlled_by.first().map(|c| c["name"].clone()),
                "controlled_by": controlled_by,
                "evidence_count": evidence,
            },
        }));
    }
    json!({"type": "FeatureCollection", "features": features})
}
