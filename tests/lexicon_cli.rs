//! `actorgraph lexicon lookup|check`, `--lexicon FILE` and the user lexicon folder, through
//! the real binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde::Deserialize;

use crate::common::{cmd, error_line, json};

/// One candidate of `lexicon lookup --format json`.
#[derive(Debug, Deserialize, PartialEq)]
struct Candidate {
    id: String,
    name: String,
    kind: String,
    #[serde(rename = "type")]
    etype: String,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    how: String,
}

/// A scratch folder; the binary runs there with an empty user lexicon folder, so that the
/// developer's own `~/.config/actorgraph/lexicon` never changes a result.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("no-user-lexicon")).unwrap();
        Scratch { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }

    fn cmd(&self) -> Command {
        let mut c = cmd(&self.path().join("graph.json"));
        c.current_dir(self.path())
            .env(
                "ACTORGRAPH_LEXICON_DIR",
                self.path().join("no-user-lexicon"),
            )
            .env("XDG_CONFIG_HOME", self.path().join("no-config"));
        c
    }

    /// `lexicon lookup NAME --format json [args]`, decoded.
    fn lookup(&self, name: &str, args: &[&str]) -> Vec<Candidate> {
        let mut c = self.cmd();
        c.args(["lexicon", "lookup", name, "--format", "json"])
            .args(args);
        json(&mut c)
    }
}

fn ids(cands: &[Candidate]) -> Vec<&str> {
    cands.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn lookup_json_lists_candidates_with_their_fields() {
    let s = Scratch::new();
    let cands = s.lookup("Syria", &[]);
    assert_eq!(cands.len(), 1, "{cands:?}");
    let sy = &cands[0];
    assert_eq!(
        (
            sy.id.as_str(),
            sy.name.as_str(),
            sy.kind.as_str(),
            sy.etype.as_str()
        ),
        ("sy", "Syria", "actor", "state")
    );
    assert_eq!(sy.country.as_deref(), Some("SY"));
    assert!(sy.lat.is_some() && sy.lon.is_some());
    assert_eq!(sy.how, "name");

    // a capital: the city first, then the state it stands for
    let cands = s.lookup("Damascus", &[]);
    assert_eq!(cands[0].id, "damascus");
    assert_eq!(cands[0].etype, "city");
    assert_eq!(cands[0].kind, "place");
    let (lat, lon) = (cands[0].lat.unwrap(), cands[0].lon.unwrap());
    assert!((33.0..34.0).contains(&lat) && (36.0..37.0).contains(&lon));
    let metonym = cands.iter().find(|c| c.id == "sy").unwrap();
    assert_eq!(metonym.how, "metonym (capital damascus)");

    // a demonym
    let cands = s.lookup("Iranian", &[]);
    assert_eq!(ids(&cands)[0], "ir");
    assert_eq!(cands[0].how, "demonym");
}

#[test]
fn lookup_table_prints_one_row_per_candidate() {
    let s = Scratch::new();
    s.cmd()
        .args(["lexicon", "lookup", "Syria"])
        .assert()
        .success()
        .stdout("ID  NAME   TYPE   COUNTRY  HOW\nsy  Syria  state  SY       name\n");
    s.cmd()
        .args(["lexicon", "lookup", "Syria", "--format", "table"])
        .assert()
        .success()
        .stdout("ID  NAME   TYPE   COUNTRY  HOW\nsy  Syria  state  SY       name\n");
}

#[test]
fn lookup_of_a_title_depends_on_the_date() {
    let s = Scratch::new();
    for (date, who) in [("2023-06-01", "joe-biden"), ("2025-06-01", "donald-trump")] {
        let cands = s.lookup("President of the United States", &["--date", date]);
        assert_eq!(ids(&cands), [who], "{date}");
        assert_eq!(cands[0].how, "role (president of us)");
        assert_eq!(cands[0].etype, "person");
    }
    for (date, who) in [
        ("2023-06-01", "bashar-al-assad"),
        ("2025-06-01", "ahmed-al-sharaa"),
    ] {
        assert_eq!(
            ids(&s.lookup("Syria's president", &["--date", date])),
            [who]
        );
    }
}

#[test]
fn lookup_of_an_unknown_name_finds_nothing() {
    let s = Scratch::new();
    s.cmd()
        .args(["lexicon", "lookup", "Xyzzyland"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("actorgraph: 'Xyzzyland' is not in the lexicon\n");
    s.cmd()
        .args(["lexicon", "lookup", "Xyzzyland", "--format", "json"])
        .assert()
        .code(1)
        .stdout("[]\n");
    // a stop-word is never a place
    s.cmd()
        .args(["lexicon", "lookup", "Hassan"])
        .assert()
        .code(1);
}

#[test]
fn lookup_rejects_a_bad_date() {
    let s = Scratch::new();
    let line = error_line(
        s.cmd()
            .args(["lexicon", "lookup", "Syria", "--date", "2023-02-30"]),
    );
    assert_eq!(
        line,
        "actorgraph: bad date '2023-02-30' (expected YYYY-MM-DD)"
    );
}

const GOOD: &str = "\
# Armed groups of the Zorgon war, written for a test.
# id\ttype\tname\taliases\tcountry\tlat\tlon\tattrs
zz-brigade\tarmed-group\tZorgon Brigade\tZB|Zorgons\tSY
zz-town\tcity\tZorgtown\t\tSY\t35.1\t38.2\tpop=1000
";

#[test]
fn check_accepts_a_good_file() {
    let s = Scratch::new();
    s.write("zorgon.tsv", GOOD);
    s.cmd()
        .args(["lexicon", "check", "zorgon.tsv"])
        .assert()
        .code(0)
        .stdout("zorgon.tsv: ok\n")
        .stderr("");
    // role files name people of the default lexicon (or of the same file)
    s.write(
        "roles_ok.tsv",
        "bashar-al-assad\tpresident\tsy\t2000-07-17\t2024-12-08\n",
    );
    s.cmd()
        .args(["lexicon", "check", "roles_ok.tsv"])
        .assert()
        .code(0)
        .stdout("roles_ok.tsv: ok\n");
}

#[test]
fn check_reports_every_problem_as_file_line_problem() {
    let s = Scratch::new();
    s.write(
        "bad.tsv",
        "# a bad file\n\
         zz-b\tarmed-group\tB\n\
         zz-a\tarmed-group\tA\n\
         Bad Id\tstate\tX\n\
         zz-c\tnation\tC\n\
         zz-d\tcity\tD\t\tSY\t95\n\
         zz-a\tgroup\tA again\n\
         zz-e\tstate\tE\t\t\t\t\tcapital=nowhere\n\
         zz-f\tgroup\tF\t\t\t\t\tcolour=red\n",
    );
    let out = s
        .cmd()
        .args(["lexicon", "check", "bad.tsv"])
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    let mut lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.pop(), Some("actorgraph: bad.tsv: 7 problems"));
    lines.sort_by_key(|l| l.split(':').nth(1).unwrap().parse::<usize>().unwrap());
    assert_eq!(
        lines,
        [
            "bad.tsv:3: not sorted: 'zz-a' comes after 'zz-b'",
            "bad.tsv:4: bad id 'Bad Id' (use lowercase letters, digits and '-')",
            "bad.tsv:5: unknown type 'nation' (expected one of person, state, armed-group, organization, group, city, region, country, facility, route)",
            "bad.tsv:6: bad latitude '95'",
            "bad.tsv:7: duplicate id 'zz-a'",
            "bad.tsv:8: capital 'nowhere' is not a known id",
            "bad.tsv:9: unknown attribute 'colour' (expected demonym, capital, of, iso3, pop or admin1)",
        ]
    );

    s.write(
        "roles_bad.tsv",
        "zz-nobody\tpresident\tsy\t2020-01-01\n\
         bashar-al-assad\tpresident\tsy\t2020-13-01\n\
         bashar-al-assad\tpresident\tsy\t2021-01-01\t2020-01-01\n\
         bashar-al-assad\tpresident\n",
    );
    s.cmd()
        .args(["lexicon", "check", "roles_bad.tsv"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "roles_bad.tsv:1: unknown person 'zz-nobody'\n\
             roles_bad.tsv:2: bad date '2020-13-01' (expected YYYY-MM-DD)\n\
             roles_bad.tsv:3: role ends (2020-01-01) before it starts (2021-01-01)\n\
             roles_bad.tsv:4: expected 4 or 5 tab-separated columns (person, title, of, from, to), found 2\n\
             actorgraph: roles_bad.tsv: 4 problems\n",
        );
}

#[test]
fn check_of_a_missing_file_is_one_error_line() {
    let s = Scratch::new();
    let line = error_line(s.cmd().args(["lexicon", "check", "missing.tsv"]));
    assert!(
        line.starts_with("actorgraph: cannot read missing.tsv: "),
        "{line}"
    );
}

#[test]
fn extra_lexicon_file_adds_and_overrides_entries() {
    let s = Scratch::new();
    // not known by default
    s.cmd()
        .args(["lexicon", "lookup", "Zorgon Brigade"])
        .assert()
        .code(1);
    s.write("zorgon.tsv", GOOD);
    let cands = s.lookup("Zorgons", &["--lexicon", "zorgon.tsv"]);
    assert_eq!(
        cands,
        [Candidate {
            id: "zz-brigade".into(),
            name: "Zorgon Brigade".into(),
            kind: "actor".into(),
            etype: "armed-group".into(),
            country: Some("SY".into()),
            lat: None,
            lon: None,
            how: "alias".into(),
        }]
    );
    // the option is global: it may come after the subcommand
    let cands = s.lookup("Zorgtown", &["--lexicon", "zorgon.tsv"]);
    assert_eq!(ids(&cands), ["zz-town"]);
    assert_eq!((cands[0].lat, cands[0].lon), (Some(35.1), Some(38.2)));

    // an entry with a known id replaces the default one, aliases included
    assert_eq!(ids(&s.lookup("Tahrir al-Sham", &[])), ["hts"]);
    s.write(
        "hts.tsv",
        "hts\tarmed-group\tHayat Tahrir al-Sham\tHTS|Liberation Committee\tSY\n",
    );
    let with = ["--lexicon", "hts.tsv"];
    assert_eq!(ids(&s.lookup("Liberation Committee", &with)), ["hts"]);
    assert_eq!(ids(&s.lookup("HTS", &with)), ["hts"]);
    s.cmd()
        .args([
            "--lexicon",
            "hts.tsv",
            "lexicon",
            "lookup",
            "Tahrir al-Sham",
        ])
        .assert()
        .code(1);

    // a bad extra file stops the command with its first problem
    s.write("bad.tsv", "zz-x\tnation\tX\n");
    let line = error_line(
        s.cmd()
            .args(["--lexicon", "bad.tsv", "lexicon", "lookup", "Syria"]),
    );
    assert_eq!(
        line,
        "actorgraph: bad.tsv:1: unknown type 'nation' (expected one of person, state, armed-group, organization, group, city, region, country, facility, route)"
    );
}

#[test]
fn user_lexicon_folder_is_loaded_before_extra_files() {
    let s = Scratch::new();
    s.write("mine/zorgon.tsv", GOOD);
    s.write("mine/notes.md", "not a lexicon file: ignored\tx\n");
    let from_dir = |c: &mut Command| {
        c.env("ACTORGRAPH_LEXICON_DIR", s.path().join("mine"));
    };
    let mut c = s.cmd();
    from_dir(&mut c);
    c.args(["lexicon", "lookup", "ZB", "--format", "json"]);
    assert_eq!(ids(&json::<Vec<Candidate>>(&mut c)), ["zz-brigade"]);

    // --lexicon comes after the folder: its entry with the same id wins
    s.write(
        "legion.tsv",
        "zz-brigade\tarmed-group\tZorgon Legion\t\tSY\n",
    );
    let mut c = s.cmd();
    from_dir(&mut c);
    c.args(["--lexicon", "legion.tsv", "lexicon", "lookup", "ZB"])
        .assert()
        .code(1);
    let mut c = s.cmd();
    from_dir(&mut c);
    c.args([
        "--lexicon",
        "legion.tsv",
        "lexicon",
        "lookup",
        "Zorgon Legion",
    ])
    .assert()
    .success();

    // without the variable, $XDG_CONFIG_HOME/actorgraph/lexicon is the folder
    s.write("config/actorgraph/lexicon/zorgon.tsv", GOOD);
    let mut c = s.cmd();
    c.env_remove("ACTORGRAPH_LEXICON_DIR")
        .env("XDG_CONFIG_HOME", s.path().join("config"))
        .args(["lexicon", "lookup", "Zorgtown"])
        .assert()
        .success();

    // a bad file in the folder is an error naming it
    s.write("mine/zz-bad.tsv", "zz-x\tnation\tX\n");
    let mut c = s.cmd();
    from_dir(&mut c);
    let line = error_line(c.args(["lexicon", "lookup", "Syria"]));
    assert!(
        line.starts_with("actorgraph: ") && line.contains("zz-bad.tsv:1: unknown type 'nation'"),
        "{line}"
    );
}
