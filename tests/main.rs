//! Integration tests, compiled as one binary: one module per area. CLI tests run the real
//! `actorgraph` binary.

mod common;

mod cli_extract;
mod export;
mod extract;
mod extract_props;
mod extract_scaling;
mod footguns;
mod gdelt;
mod graphs_dir;
mod import;
mod interop;
mod lexicon;
mod lexicon_cli;
mod names;
mod properties;
mod queries;
mod rank;
mod readme;
mod rollup;
mod serve;
mod store;
mod syntax;
mod write;
