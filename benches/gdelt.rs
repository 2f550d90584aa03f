//! `import --format gdelt` speed: 100,000 generated GDELT 2.0 event rows (61 tab-separated
//! columns, the real layout) imported into an empty graph.
//!
//! Run by hand: `cargo bench --bench gdelt` (release build); `GDELT_BENCH_ROWS` changes
//! the row count. Prints the time and rows/s of each step of the library call the CLI makes
//! (read and parse; load the lexicon; resolve and add to the graph), then of the whole
//! binary on the plain file and on the zip (including writing the graph file), best of
//! three runs each. Figures are in benches/README.md and README.md.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use actorgraph::graph::Graph;
use actorgraph::graph::gdelt::{self, Importer};
use actorgraph::lexicon::Lexicon;

/// A small deterministic generator (xorshift), so every run measures the same file.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// (actor code, name, country, type) as GDELT writes them: states, their institutions,
/// international bodies, armed groups, people and countryless roles.
const ACTORS: &[(&str, &str, &str, &str)] = &[
    ("USA", "UNITED STATES", "USA", ""),
    ("USAGOV", "UNITED STATES", "USA", "GOV"),
    ("RUS", "RUSSIA", "RUS", ""),
    ("RUSMIL", "RUSSIA", "RUS", "MIL"),
    ("CHN", "CHINA", "CHN", ""),
    ("IRN", "IRAN", "IRN", ""),
    ("ISR", "ISRAEL", "ISR", ""),
    ("ISRMIL", "ISRAEL", "ISR", "MIL"),
    ("UKR", "UKRAINE", "UKR", ""),
    ("SYR", "SYRIA", "SYR", ""),
    ("TUR", "TURKEY", "TUR", ""),
    ("FRA", "FRANCE", "FRA", ""),
    ("GBR", "UNITED KINGDOM", "GBR", ""),
    ("DEU", "GERMANY", "DEU", ""),
    ("IND", "INDIA", "IND", ""),
    ("PAK", "PAKISTAN", "PAK", ""),
    ("AFG", "AFGHANISTAN", "AFG", ""),
    ("IRQ", "IRAQ", "IRQ", ""),
    ("SAU", "SAUDI ARABIA", "SAU", ""),
    ("EGY", "EGYPT", "EGY", ""),
    ("NGA", "NIGERIA", "NGA", ""),
    ("MLI", "MALI", "MLI", ""),
    ("SDN", "SUDAN", "SDN", ""),
    ("SOM", "SOMALIA", "SOM", ""),
    ("YEM", "YEMEN", "YEM", ""),
    ("LBN", "LEBANON", "LBN", ""),
    ("QAT", "QATAR", "QAT", ""),
    ("PRK", "NORTH KOREA", "PRK", ""),
    ("VEN", "VENEZUELA", "VEN", ""),
    ("COL", "COLOMBIA", "COL", ""),
    ("IGOUNO", "UNITED NATIONS", "", "IGO"),
    ("IGOEUREEC", "EUROPEAN UNION", "", "IGO"),
    ("IGOWSTNAT", "NATO", "", "IGO"),
    ("IGOAFRAFU", "AFRICAN UNION", "", "IGO"),
    ("NGOHLHIRC", "RED CROSS", "", "NGO"),
    ("PSEREBHMS", "HAMAS", "PSE", "REB"),
    ("LBNREBHEZ", "HEZBOLLAH", "LBN", "REB"),
    ("AFGINSTAL", "TALIBAN", "AFG", "INS"),
    ("NGAREBBKH", "BOKO HARAM", "NGA", "REB"),
    ("SOMREBSHB", "AL SHABAAB", "SOM", "REB"),
    ("YEMREBHOU", "HOUTHI", "YEM", "REB"),
    ("RUSELI", "VLADIMIR PUTIN", "RUS", "ELI"),
    ("USAGOV", "JOE BIDEN", "USA", "GOV"),
    ("CHNGOV", "XI JINPING", "CHN", "GOV"),
    ("ISRGOV", "BENJAMIN NETANYAHU", "ISR", "GOV"),
    ("UKRGOV", "VOLODYMYR ZELENSKY", "UKR", "GOV"),
    ("TURGOV", "RECEP TAYYIP ERDOGAN", "TUR", "GOV"),
    ("COP", "POLICE", "", "COP"),
    ("GOV", "GOVERNMENT", "", "GOV"),
    ("MIL", "MILITARY", "", "MIL"),
    ("PTY", "PROTESTER", "", "OPP"),
    ("REB", "REBEL", "", "REB"),
    ("EDU", "STUDENT", "", "EDU"),
    ("OPP", "OPPOSITION", "", "OPP"),
    ("BUS", "COMPANY", "", "BUS"),
];

/// Words of the long tail of names GDELT also carries (parties, militias, unions).
const TAIL_FIRST: &[&str] = &[
    "NATIONAL",
    "PEOPLE'S",
    "UNITED",
    "DEMOCRATIC",
    "ISLAMIC",
    "REVOLUTIONARY",
    "POPULAR",
    "PATRIOTIC",
];
const TAIL_SECOND: &[&str] = &[
    "FRONT", "ALLIANCE", "COUNCIL", "PARTY", "MOVEMENT", "ARMY", "BRIGADE", "UNION",
];
const TAIL_THIRD: &[&str] = &[
    "OF THE NORTH",
    "OF AZAWAD",
    "FOR LIBERATION",
    "FOR JUSTICE",
    "OF THE DELTA",
    "OF KIVU",
    "FOR CHANGE",
    "",
];

/// Real CAMEO codes over every root, the common ones more than once.
const CODES: &[&str] = &[
    "010", "010", "012", "020", "023", "030", "036", "040", "040", "042", "043", "046", "050",
    "051", "055", "056", "057", "060", "061", "070", "073", "080", "081", "090", "100", "110",
    "111", "112", "120", "125", "130", "138", "140", "141", "150", "160", "163", "170", "173",
    "180", "181", "1823", "190", "192", "193", "194", "200", "2041",
];

/// (ActionGeo type, full name, FIPS country, lat, long).
const PLACES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "4",
        "Kyiv, Kyyiv, Misto, Ukraine",
        "UP",
        "50.4333",
        "30.5167",
    ),
    ("4", "Aleppo, Halab, Syria", "SY", "36.2028", "37.1586"),
    ("1", "Syria", "SY", "35", "38"),
    (
        "3",
        "Washington, District of Columbia, United States",
        "US",
        "38.8951",
        "-77.0364",
    ),
    (
        "5",
        "Gaza, Israel (general), Israel",
        "IS",
        "31.5",
        "34.4667",
    ),
    ("4", "Moscow, Moskva, Russia", "RS", "55.7522", "37.6156"),
    (
        "4",
        "Khartoum, Al Khartum, Sudan",
        "SU",
        "15.5881",
        "32.5342",
    ),
    (
        "4",
        "Mogadishu, Banaadir, Somalia",
        "SO",
        "2.0371",
        "45.3438",
    ),
    (
        "5",
        "Donetsk, Donets'ka Oblast', Ukraine",
        "UP",
        "48",
        "37.8",
    ),
    ("1", "Mali", "ML", "17", "-4"),
    ("4", "Kabul, Kabol, Afghanistan", "AF", "34.5167", "69.1833"),
    (
        "4",
        "Sanaa, Amanat Al Asimah, Yemen",
        "YM",
        "15.3547",
        "44.2067",
    ),
];

const SITES: &[&str] = &[
    "reuters.com",
    "apnews.com",
    "aljazeera.com",
    "bbc.co.uk",
    "kyivindependent.com",
    "premiumtimesng.com",
    "dawn.com",
    "timesofisrael.com",
];

/// The actor of a row: one of the list, or (one in five) a name of the long tail.
fn actor(rng: &mut Rng) -> [String; 4] {
    if rng.below(5) == 0 {
        let name = format!(
            "{} {} {}",
            rng.pick(TAIL_FIRST),
            rng.pick(TAIL_SECOND),
            rng.pick(TAIL_THIRD)
        );
        let (code, _, country, _) = rng.pick(&ACTORS[..30]);
        return [
            format!("{code}REB"),
            name.trim().to_string(),
            country.to_string(),
            "REB".into(),
        ];
    }
    let (code, name, country, t) = rng.pick(ACTORS);
    [*code, *name, *country, *t].map(str::to_string)
}

/// One row in GDELT 2.0's layout.
fn row(i: usize, rng: &mut Rng) -> String {
    let day = i * 366 / 100_000 % 366;
    let (m, d) = (day / 31 + 1, day % 28 + 1);
    let date = format!("2024{m:02}{d:02}");
    let code = *rng.pick(CODES);
    let a1 = if rng.below(30) == 0 {
        Default::default()
    } else {
        actor(rng)
    };
    let a2 = if rng.below(10) == 0 {
        Default::default()
    } else {
        actor(rng)
    };
    let geo = if rng.below(5) == 0 {
        ["", "", "", "", ""]
    } else {
        let p = rng.pick(PLACES);
        [p.0, p.1, p.2, p.3, p.4]
    };
    let geo_cols = [
        geo[0],
        geo[1],
        geo[2],
        if geo[2].is_empty() { "" } else { "00" },
        "",
        geo[3],
        geo[4],
        if geo[2].is_empty() { "" } else { "-1" },
    ];
    let id = (1_200_000_000 + i).to_string();
    let (year, month) = (date[..4].to_string(), date[..6].to_string());
    let fraction = format!("2024.{:04}", day * 10_000 / 366);
    let url = format!(
        "https://www.{}/world/2024/{m:02}/{d:02}/story-{}",
        rng.pick(SITES),
        i / 3
    );
    let added = format!("{date}{:02}{:02}00", i % 24, i % 4 * 15);
    let mut cols: Vec<&str> = vec![&id, &date, &month, &year, &fraction];
    cols.extend(actor_cols(&a1));
    cols.extend(actor_cols(&a2));
    cols.extend([
        "1",
        code,
        &code[..3],
        &code[..2],
        "4",
        "-5.0",
        "6",
        "1",
        "6",
        "-3.2",
    ]);
    for _ in 0..3 {
        cols.extend(geo_cols);
    }
    cols.push(&added);
    cols.push(&url);
    assert_eq!(cols.len(), gdelt::COLUMNS);
    cols.join("\t")
}

/// An actor's ten columns: code, name, country, four empty group codes, one type code
/// and two empty ones.
fn actor_cols(a: &[String; 4]) -> [&str; 10] {
    [&a[0], &a[1], &a[2], "", "", "", "", &a[3], "", ""]
}

/// The best of `runs` timings of `f`, and its last result.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let start = Instant::now();
        let v = f();
        best = best.min(start.elapsed());
        out = Some(v);
    }
    (best, out.expect("at least one run"))
}

fn report(what: &str, rows: usize, t: Duration) {
    println!(
        "{what:<44} {:>8.3} s  {:>10.0} rows/s",
        t.as_secs_f64(),
        rows as f64 / t.as_secs_f64()
    );
}

/// `actorgraph import --format gdelt FILE` into a new graph file; the best of three.
fn binary(dir: &Path, file: &Path) -> Duration {
    let exe = env!("CARGO_BIN_EXE_actorgraph");
    best(3, || {
        let graph = dir.join("bench-graph.json");
        let _ = fs::remove_file(&graph);
        let out = Command::new(exe)
            .env("ACTORGRAPH_GRAPH", &graph)
            .args(["import", "--format", "gdelt"])
            .arg(file)
            .output()
            .expect("run actorgraph");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    })
    .0
}

fn main() {
    let rows: usize = std::env::var("GDELT_BENCH_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("20240101000000.export.CSV");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = String::new();
    for i in 0..rows {
        text.push_str(&row(i, &mut rng));
        text.push('\n');
    }
    fs::write(&file, &text).expect("write the export");
    let zipped = dir.path().join("20240101000000.export.CSV.zip");
    let mut w = zip::ZipWriter::new(fs::File::create(&zipped).expect("create the zip"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("20240101000000.export.CSV", options)
        .expect("zip entry");
    w.write_all(text.as_bytes()).expect("zip the export");
    w.finish().expect("finish the zip");
    println!(
        "{rows} rows, {:.1} MB ({:.1} MB zipped)",
        text.len() as f64 / 1e6,
        fs::metadata(&zipped).map_or(0, |m| m.len()) as f64 / 1e6
    );

    let label = file.display().to_string();
    let (t_read, events) = best(3, || gdelt::read_file(&file).expect("read"));
    report("read and parse (gdelt::read_file)", rows, t_read);
    let (t_zip, _) = best(3, || gdelt::read_file(&zipped).expect("read the zip"));
    report("read and parse the zip", rows, t_zip);
    let (t_lexicon, lexicon) = best(3, Lexicon::embedded);
    println!(
        "{:<44} {:>8.3} s",
        "load the lexicon",
        t_lexicon.as_secs_f64()
    );
    let (t_import, (summary, g)) = best(3, || {
        let mut g = Graph::new();
        let summary = Importer::new(&lexicon)
            .import(&mut g, &events, &label)
            .expect("import");
        (summary, g)
    });
    report("resolve and add (Importer::import)", rows, t_import);
    println!(
        "  {} statements ({} new), {} entities, {} edges; skipped {:?}",
        summary.statements,
        summary.added,
        g.entity_count(),
        g.edge_count(),
        summary.skipped
    );
    let library = t_read + t_lexicon + t_import;
    report("library total (read, lexicon, import)", rows, library);
    let t_bin = binary(dir.path(), &file);
    report("actorgraph import --format gdelt FILE", rows, t_bin);
    let t_bin_zip = binary(dir.path(), &zipped);
    report("actorgraph import --format gdelt FILE.zip", rows, t_bin_zip);
    let target = Duration::from_secs(10) * rows as u32 / 100_000;
    println!(
        "target: {rows} rows in under {:.0} s with the binary: {}",
        target.as_secs_f64(),
        if t_bin.max(t_bin_zip) < target {
            "met"
        } else {
            "NOT met"
        }
    );
}
