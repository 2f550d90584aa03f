//! Training: treebank sentences in, a [`Model`] out.
//!
//! 1. The tagger learns from the training file for a fixed number of epochs, keeping the
//!    epoch that tags the development file best.
//! 2. Jackknifing: the training file is cut into folds and each fold is tagged by a tagger
//!    trained on the others, so the parser learns from tags as wrong as the ones it will
//!    see (folds run on all cores).
//! 3. A second tagger pass learns from the jackknifed first-pass tags of the words to the
//!    right (`second_pass`).
//! 4. The parser learns with the dynamic oracle, following its own (possibly wrong) moves
//!    from the second epoch on, and keeps the epoch with the best development LAS. With
//!    `parsers` above one, that many parsers learn side by side (a thread each) from
//!    different shuffles of the sentences, and their weights are summed into one model:
//!    an ensemble that costs no more to run than one parser.
//! 5. The lemma tables are counted.
//!
//! Everything is seeded: the same treebank, options and seed give the same model.

use rustc_hash::FxHashMap as HashMap;

use super::conllu::GoldSentence;
use super::labels::{self, Upos};
use super::lemma::Lemmatizer;
use super::model_file::Meta;
use super::parser::{self, Config, Input, Move, Parser};
use super::perceptron::{Trainer, Weights};
use super::score::Score;
use super::tagger::{self, Tagger, WordAtoms};
use super::{Model, Sentence};
use crate::error::{Error, Result};

/// Training settings.
#[derive(Clone, Debug)]
pub struct Options {
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds for jackknifed training tags (1: train the parser on gold tags).
    pub folds: usize,
    /// Train a second tagger pass that also sees the first pass's tags to the right.
    pub second_pass: bool,
    /// Parsers trained side by side from different shuffles and summed into one model.
    pub parsers: usize,
    /// From the second epoch, follow the model's own move with this probability.
    pub explore: f64,
    /// Parser weights smaller than this are dropped from the saved model.
    pub prune: f32,
    /// Parser features updated fewer times than this are dropped from the saved model
    /// (the tagger is small and keeps all of its features).
    pub min_updates: u32,
    /// Treebank description and the command line, recorded in the model's header.
    pub treebank: String,
    pub command: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            seed: 1,
            tagger_epochs: 10,
            parser_epochs: 12,
            folds: 4,
            second_pass: true,
            parsers: 2,
            explore: 0.9,
            prune: 0.0,
            min_updates: 4,
            treebank: String::new(),
            command: String::new(),
        }
    }
}

/// A small seeded random number generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// A treebank sentence ready for training: words, atoms, gold tag indexes, heads, labels.
struct Example {
    forms: Vec<String>,
    atoms: Vec<WordAtoms>,
    tags: Vec<u16>,
    /// Gold heads, `n` for the root, made projective.
    heads: Vec<usize>,
    labels: Vec<u16>,
}

/// The tag and label sets of a treebank.
struct Sets {
    tags: Vec<(Upos, &'static str)>,
    tag_index: HashMap<(Upos, &'static str), u16>,
    labels: Vec<&'static str>,
    label_index: HashMap<&'static str, u16>,
}

fn word_columns(
    s: &GoldSentence,
    i: usize,
) -> Result<(Upos, &'static str, usize, &'static str), String> {
    let w = &s.words[i];
    let upos: Upos = w.upos.as_deref().unwrap_or("").parse()?;
    let xpos_name = w.xpos.as_deref().unwrap_or("_");
    let xpos = labels::xpos(xpos_name).ok_or(format!("unknown XPOS '{xpos_name}'"))?;
    let head = w.head.ok_or("no HEAD")?;
    let rel_name = w.deprel.as_deref().unwrap_or("");
    let rel = labels::deprel(rel_name).ok_or(format!("unknown DEPREL '{rel_name}'"))?;
    Ok((upos, xpos, head, rel))
}

fn collect_sets(train: &[GoldSentence]) -> Result<Sets> {
    let mut tags = Vec::new();
    let mut rels = Vec::new();
    for s in train {
        for i in 0..s.words.len() {
            let (upos, xpos, _, rel) = word_columns(s, i).map_err(|m| Error::AtLine {
                path: "training file".into(),
                line: s.line,
                message: m,
            })?;
            tags.push((upos, xpos));
            rels.push(rel);
        }
    }
    tags.sort_unstable();
    tags.dedup();
    rels.sort_unstable();
    rels.dedup();
    if tags.len() > 128 || rels.len() > 127 {
        return Err(Error::Invalid(format!(
            "the training file has {} tags and {} relations; the model holds at most 128 and 127",
            tags.len(),
            rels.len()
        )));
    }
    if !rels.contains(&"root") {
        return Err(Error::Invalid(
            "the training file has no 'root' relation".into(),
        ));
    }
    let tag_index = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i as u16))
        .collect();
    let label_index = rels
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i as u16))
        .collect();
    Ok(Sets {
        tags,
        tag_index,
        labels: rels,
        label_index,
    })
}

fn example(s: &GoldSentence, sets: &Sets) -> Option<Example> {
    let n = s.words.len();
    let mut tags = Vec::with_capacity(n);
    let mut heads = Vec::with_capacity(n);
    let mut rels = Vec::with_capacity(n);
    for i in 0..n {
        let (upos, xpos, head, rel) = word_columns(s, i).ok()?;
        tags.push(*sets.tag_index.get(&(upos, xpos))?);
        heads.push(if head == 0 { n } else { head - 1 });
        rels.push(*sets.label_index.get(rel)?);
    }
    // one root (the treebank's trees are checked by UD's validator)
    if heads.iter().filter(|&&h| h == n).count() != 1 {
        return None;
    }
    parser::projectivize(&mut heads);
    let forms: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
    let atoms = forms.iter().map(|f| WordAtoms::new(f)).collect();
    Some(Example {
        forms,
        atoms,
        tags,
        heads,
        labels: rels,
    })
}

/// Trains a model. `log` receives one line per epoch.
pub fn train(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    options: &Options,
    log: &mut dyn FnMut(&str),
) -> Result<Model> {
    let sets = collect_sets(train)?;
    let examples: Vec<Example> = train.iter().filter_map(|s| example(s, &sets)).collect();
    let dev_examples: Vec<Example> = dev.iter().filter_map(|s| example(s, &sets)).collect();
    log(&format!(
        "{} training sentences ({} skipped), {} dev sentences, {} tags, {} relations",
        examples.len(),
        train.len() - examples.len(),
        dev_examples.len(),
        sets.tags.len(),
        sets.labels.len()
    ));

    let all: Vec<&Example> = examples.iter().collect();
    let dev_refs: Vec<&Example> = dev_examples.iter().collect();
    let (first_pass, _) = train_tagger(
        &all,
        &dev_refs,
        &sets.tags,
        None,
        options,
        options.seed,
        log,
    );

    // jackknifed first-pass tags: the second pass and the parser learn from them
    let train_tags = jackknife(&examples, &sets, options, log);
    let first_tags: Vec<&Vec<u16>> = train_tags.iter().collect();
    let tagger = if options.second_pass {
        let first = Some((&first_pass, first_tags.as_slice()));
        train_tagger(
            &all,
            &dev_refs,
            &sets.tags,
            first,
            options,
            options.seed + 100,
            log,
        )
        .0
    } else {
        first_pass
    };
    let dev_tags: Vec<Vec<u16>> = dev_examples
        .iter()
        .map(|e| tagger.tag(&forms_of(e), &e.atoms))
        .collect();

    let (parser, _) = train_parser(
        &examples,
        &train_tags,
        &dev_examples,
        &dev_tags,
        &sets,
        options,
        log,
    );

    let lemmatizer = Lemmatizer::train(train.iter().flat_map(|s| {
        s.words.iter().filter_map(|w| {
            let upos = w.upos.as_deref()?.parse().ok()?;
            Some((w.form.as_str(), upos, w.lemma.as_deref()?))
        })
    }));

    let mut model = Model {
        meta: Meta {
            treebank: options.treebank.clone(),
            command: options.command.clone(),
            seed: options.seed,
            tagger_epochs: options.tagger_epochs,
            parser_epochs: options.parser_epochs,
            ..Meta::default()
        },
        tags: sets.tags,
        tagger,
        lemmatizer,
        parser,
    };
    let score = evaluate(&model, dev);
    log(&format!("dev (final model): {score}"));
    model.meta.dev_upos = round2(score.upos_accuracy());
    model.meta.dev_uas = round2(score.uas());
    model.meta.dev_las = round2(score.las());
    Ok(model)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Scores a model on a treebank's given words.
pub fn evaluate(model: &Model, gold: &[GoldSentence]) -> Score {
    let mut score = Score::default();
    for s in gold {
        let parsed: Sentence = model.parse_gold(s);
        score.add(s, &parsed);
    }
    score
}

fn forms_of(e: &Example) -> Vec<&str> {
    e.forms.iter().map(String::as_str).collect()
}

/// Words seen at least this often, always with the same tag, are tagged from the dictionary.
const DICTIONARY_MIN_COUNT: u32 = 20;

fn tag_dictionary(examples: &[&Example]) -> HashMap<String, u16> {
    let mut counts: HashMap<&str, HashMap<u16, u32>> = HashMap::default();
    for e in examples {
        for (f, t) in e.forms.iter().zip(&e.tags) {
            *counts.entry(f.as_str()).or_default().entry(*t).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(form, by_tag)| {
            let total: u32 = by_tag.values().sum();
            let (&tag, &n) = by_tag
                .iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))?;
            (total >= DICTIONARY_MIN_COUNT && f64::from(n) / f64::from(total) >= 0.995)
                .then(|| (form.to_string(), tag))
        })
        .collect()
}

/// Folds for the ambiguity classes training sentences see.
const AMBIGUITY_FOLDS: usize = 4;

/// The set of tags each frequent word had (bit `t` for tag `t`), keyed by the lowercased
/// word's hash.
fn ambiguity_table(examples: &[&Example]) -> HashMap<u64, u128> {
    let mut seen: HashMap<u64, (u32, u128)> = HashMap::default();
    for e in examples {
        for (a, t) in e.atoms.iter().zip(&e.tags) {
            let entry = seen.entry(a.lower).or_default();
            entry.0 += 1;
            entry.1 |= 1u128 << (t % 128);
        }
    }
    seen.into_iter()
        .filter(|(_, (n, _))| *n >= tagger::AMBIGUITY_MIN_COUNT)
        .map(|(w, (_, mask))| (w, mask))
        .collect()
}

/// Trains a tagger; returns it with its development accuracy.
/// Trains the first pass of a tagger, or with `first` (the first pass and each example's
/// first-pass tags, jackknifed) its second pass.
fn train_tagger(
    examples: &[&Example],
    dev: &[&Example],
    tags: &[(Upos, &'static str)],
    first: Option<(&Tagger, &[&Vec<u16>])>,
    options: &Options,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> (Tagger, f64) {
    let upos: Vec<Upos> = tags.iter().map(|t| t.0).collect();
    let upos = upos.as_slice();
    let dictionary = tag_dictionary(examples);
    let ambiguity = ambiguity_table(examples);
    // a training sentence sees the classes counted on the other folds, so that its rare
    // words lack a class as often as a new text's do (with its own counts, every training
    // word has its gold tag in its class, and the tagger leans on it)
    let fold_tables: Vec<HashMap<u64, u128>> = (0..AMBIGUITY_FOLDS)
        .map(|f| {
            let rest: Vec<&Example> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % AMBIGUITY_FOLDS != f)
                .map(|(_, e)| *e)
                .collect();
            ambiguity_table(&rest)
        })
        .collect();
    let ambs: Vec<Vec<u128>> = examples
        .iter()
        .enumerate()
        .map(|(i, e)| tagger::ambiguity_classes(&fold_tables[i % AMBIGUITY_FOLDS], &e.atoms))
        .collect();
    let classes = upos.len();
    let mut trainer = Trainer::new(classes);
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut features = Vec::with_capacity(40);
    let mut scores = vec![0.0f32; classes];
    let mut best: Option<(Tagger, f64)> = None;
    for epoch in 1..=options.tagger_epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let e = examples[k];
            let mut tags: Vec<u16> = Vec::with_capacity(e.forms.len());
            for i in 0..e.forms.len() {
                if let Some(&t) = dictionary.get(&e.forms[i]) {
                    tags.push(t);
                    continue;
                }
                let first_tags = first.map(|(_, f)| f[k].as_slice());
                tagger::word_features(
                    &e.atoms,
                    &ambs[k],
                    first_tags,
                    &tags,
                    i,
                    upos,
                    &mut features,
                );
                trainer.score(&features, &mut scores);
                let guess = tagger::argmax(&scores);
                let gold = usize::from(e.tags[i]);
                if guess != gold {
                    trainer.update(&features, gold, guess);
                }
                trainer.tick();
                // condition on the guess, as at tagging time
                tags.push(guess as u16);
            }
        }
        let (weights, second) = match first {
            Some((base, _)) => (base.weights.clone(), Some(trainer.averaged(0.0, 1))),
            None => (trainer.averaged(0.0, 1), None),
        };
        let tagger = Tagger {
            weights,
            second,
            dictionary: dictionary.clone(),
            ambiguity: ambiguity.clone(),
            upos: upos.to_vec(),
            finite: tagger::finite_tags(tags),
        };
        let accuracy = if dev.is_empty() {
            0.0
        } else {
            tag_accuracy(&tagger, dev)
        };
        log(&format!(
            "tagger {} epoch {epoch}: dev tag accuracy {accuracy:.2} ({} features)",
            if first.is_some() {
                "second pass"
            } else {
                "first pass"
            },
            trainer.features()
        ));
        if best.as_ref().is_none_or(|(_, b)| accuracy > *b) || dev.is_empty() {
            best = Some((tagger, accuracy));
        }
    }
    best.expect("at least one tagger epoch")
}

fn tag_accuracy(tagger: &Tagger, dev: &[&Example]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for e in dev {
        let tags = tagger.tag(&forms_of(e), &e.atoms);
        right += tags.iter().zip(&e.tags).filter(|(a, b)| a == b).count();
        all += tags.len();
    }
    100.0 * right as f64 / all.max(1) as f64
}

/// Tags every training sentence with a tagger that did not see it.
fn jackknife(
    examples: &[Example],
    sets: &Sets,
    options: &Options,
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<u16>> {
    if options.folds <= 1 {
        return examples.iter().map(|e| e.tags.clone()).collect();
    }
    let folds = options.folds;
    let results: Vec<(usize, Vec<Vec<u16>>, f64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..folds)
            .map(|f| {
                scope.spawn(move || {
                    let rest: Vec<&Example> = examples
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % folds != f)
                        .map(|(_, e)| e)
                        .collect();
                    let held: Vec<&Example> = examples
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % folds == f)
                        .map(|(_, e)| e)
                        .collect();
                    let mut quiet = |_: &str| {};
                    // no dev set here: the fold's tagger runs its full epochs
                    let (t, _) = train_tagger(
                        &rest,
                        &[],
                        &sets.tags,
                        None,
                        options,
                        options.seed + 1 + f as u64,
                        &mut quiet,
                    );
                    let acc = tag_accuracy(&t, &held);
                    let tags = held.iter().map(|e| t.tag(&forms_of(e), &e.atoms)).collect();
                    (f, tags, acc)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a jackknife fold panicked"))
            .collect()
    });
    let mut out = vec![Vec::new(); examples.len()];
    for (f, tags, acc) in results {
        log(&format!(
            "jackknife fold {f}: held-out tag accuracy {acc:.2}"
        ));
        let idx = (0..examples.len()).filter(|i| i % folds == f);
        for (i, t) in idx.zip(tags) {
            out[i] = t;
        }
    }
    out
}

fn tag_values(tags: &[u16]) -> Vec<u64> {
    tags.iter().map(|&t| u64::from(t) + 3).collect()
}

/// Trains the parser with the dynamic oracle; returns it with its development LAS.
fn train_parser(
    examples: &[Example],
    train_tags: &[Vec<u16>],
    dev: &[Example],
    dev_tags: &[Vec<u16>],
    sets: &Sets,
    options: &Options,
    log: &mut dyn FnMut(&str),
) -> (Parser, f64) {
    let labels = sets.labels.len();
    let root_label = usize::from(sets.label_index["root"]);
    let classes = 1 + 2 * labels;
    // one parser, or several trained side by side (one thread each) from different
    // shuffles and summed into one model
    let mut runs: Vec<(Step, Rng, Vec<usize>)> = (0..options.parsers.max(1))
        .map(|p| {
            let step = Step {
                trainer: Trainer::new(classes),
                features: Vec::with_capacity(128),
                scores: vec![0.0f32; classes],
                labels,
                root_label,
                explore: options.explore,
            };
            let rng = Rng((options.seed ^ 0x5eed).wrapping_add(p as u64 * 7919));
            (step, rng, (0..examples.len()).collect())
        })
        .collect();
    let tags: Vec<Vec<u64>> = train_tags.iter().map(|t| tag_values(t)).collect();
    let is_punct: Vec<bool> = sets.tags.iter().map(|(u, _)| *u == Upos::Punct).collect();
    let puncts: Vec<Vec<u32>> = train_tags
        .iter()
        .map(|t| parser::punct_before(t.iter().map(|&x| is_punct[usize::from(x)])))
        .collect();
    let mut best: Option<(Parser, f64)> = None;
    for epoch in 1..=options.parser_epochs {
        let explore = epoch > 1;
        let counts: Vec<(usize, usize)> = std::thread::scope(|scope| {
            let handles: Vec<_> = runs
                .iter_mut()
                .map(|(step, rng, order)| {
                    let (tags, puncts) = (&tags, &puncts);
                    scope.spawn(move || {
                        rng.shuffle(order);
                        let (mut moves, mut errors) = (0usize, 0usize);
                        for &k in order.iter() {
                            let input = Input {
                                atoms: &examples[k].atoms,
                                tags: &tags[k],
                                punct_before: &puncts[k],
                            };
                            let (m, x) = learn_sentence(step, &input, &examples[k], explore, rng);
                            moves += m;
                            errors += x;
                        }
                        (moves, errors)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a parser training thread panicked"))
                .collect()
        });
        let (moves, errors) = counts
            .iter()
            .fold((0, 0), |(m, e), (m2, e2)| (m + m2, e + e2));
        let trainers: Vec<&Trainer> = runs.iter().map(|r| &r.0.trainer).collect();
        let parser = Parser {
            weights: Trainer::averaged_sum(&trainers, options.prune, options.min_updates),
            labels: sets.labels.clone(),
            root_label,
        };
        let (uas, las) = parse_scores(&parser, dev, dev_tags, &is_punct);
        log(&format!(
            "parser epoch {epoch}: train move errors {:.2}%, dev UAS {uas:.2} LAS {las:.2} ({} features)",
            100.0 * errors as f64 / moves.max(1) as f64,
            parser.weights.features()
        ));
        if best.as_ref().is_none_or(|(_, b)| las > *b) || dev.is_empty() {
            best = Some((parser, las));
        }
    }
    best.expect("at least one parser epoch")
}

/// The parser being trained and its buffers.
struct Step {
    trainer: Trainer,
    features: Vec<super::perceptron::Feature>,
    scores: Vec<f32>,
    labels: usize,
    root_label: usize,
    /// Probability of following the model's own move when exploring.
    explore: f64,
}

/// Parses one training sentence with the dynamic oracle, updating the weights wherever
/// the model's move would lose gold arcs; with `explore`, follows the model's own move
/// (with probability `step.explore`) so it learns to recover from its mistakes. Returns
/// (moves, wrong moves).
fn learn_sentence(
    step: &mut Step,
    input: &Input,
    e: &Example,
    explore: bool,
    rng: &mut Rng,
) -> (usize, usize) {
    let (labels, root_label) = (step.labels, step.root_label);
    let (mut moves, mut errors) = (0, 0);
    let mut config = Config::new(e.forms.len());
    while !config.is_terminal() {
        config.features(input, &mut step.features);
        step.trainer.score(&step.features, &mut step.scores);
        let costs = config.costs(&e.heads);
        let cost_of = |m: Move| config.labeled_cost(m, costs, &e.heads, &e.labels);
        // the best label of a gold arc costs nothing, so the least cost is unlabeled
        let min_cost = costs
            .iter()
            .flatten()
            .copied()
            .min()
            .expect("a configuration that is not terminal allows a move");
        let guess = parser::best_allowed(&config, &step.scores, labels, root_label, |_| true)
            .expect("some move is allowed");
        let gold = parser::best_allowed(&config, &step.scores, labels, root_label, |m| {
            cost_of(m) == Some(min_cost)
        })
        .expect("a least-cost move exists");
        moves += 1;
        if cost_of(guess) != Some(min_cost) {
            errors += 1;
            step.trainer
                .update(&step.features, gold.class(labels), guess.class(labels));
        }
        step.trainer.tick();
        let next = if explore && rng.unit() < step.explore {
            guess
        } else {
            gold
        };
        config.apply(next);
    }
    (moves, errors)
}

fn parse_scores(
    parser: &Parser,
    dev: &[Example],
    dev_tags: &[Vec<u16>],
    is_punct: &[bool],
) -> (f64, f64) {
    let (mut heads, mut labeled, mut all) = (0usize, 0usize, 0usize);
    for (e, t) in dev.iter().zip(dev_tags) {
        let tags = tag_values(t);
        let punct = parser::punct_before(t.iter().map(|&x| is_punct[usize::from(x)]));
        let arcs = parser.parse(&Input {
            atoms: &e.atoms,
            tags: &tags,
            punct_before: &punct,
        });
        let n = e.forms.len();
        for (i, (h, l)) in arcs.iter().enumerate() {
            all += 1;
            if h.unwrap_or(n) == e.heads[i] {
                heads += 1;
                if labels::universal(parser.labels[usize::from(*l)])
                    == labels::universal(parser.labels[usize::from(e.labels[i])])
                {
                    labeled += 1;
                }
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / all.max(1) as f64;
    (pct(heads), pct(labeled))
}

/// Features kept by the tagger (both passes) and by the parser, for reports.
pub fn sizes(model: &Model) -> (usize, usize) {
    let second = model.tagger.second.as_ref().map_or(0, Weights::features);
    (
        model.tagger.weights.features() + second,
        model.parser.weights.features(),
    )
}
