//! The `actorgraph` binary: parse, dispatch, print the error, return the exit code
//! (0 done, 1 nothing found, 2 error; a closed stdout pipe is success).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => return usage_error(e),
    };
    match cli::run(args) {
        Ok(cli::Outcome::Done) => ExitCode::SUCCESS,
        Ok(cli::Outcome::NothingFound) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "actorgraph: {}", one_line(&e));
            ExitCode::from(2)
        }
    }
}

/// clap's own errors as ours: help and version print as clap prints them (exit 0); a
/// missing subcommand prints the help (exit 2); every other usage error is one line
/// `actorgraph: what is wrong; tip; usage: ...` with exit 2.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "actorgraph: {}",
                clap_one_line(&e.to_string())
            );
            ExitCode::from(2)
        }
    }
}

/// clap's rendered error on one line: its paragraphs joined by "; ", the `error:` prefix
/// and the "For more information" line dropped.
fn clap_one_line(rendered: &str) -> String {
    rendered
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty() && !p.starts_with("For more information"))
        .map(|p| match p.strip_prefix("error: ") {
            Some(rest) => rest.to_string(),
            None => p.replacen("Usage:", "usage:", 1),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes on one line, skipping a cause that the message before it
/// already quotes (library errors include their I/O cause in their own text).
fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.is_empty() {
            line = text;
        } else if !line.contains(&text) {
            line = format!("{line}: {text}");
        }
    }
    line.replace('\n', " ")
}
