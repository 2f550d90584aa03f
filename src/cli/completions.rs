//! `actorgraph completions SHELL` and `actorgraph man [--dir DIR]`: shell completion
//! scripts and man pages, generated from the same clap definitions that parse the command
//! line, so they never drift from it.

use std::path::PathBuf;

use clap::CommandFactory;

use actorgraph::Error;

use super::{Cli, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write actorgraph.1 and one actorgraph-COMMAND.1 per subcommand into this folder
    /// (default: print actorgraph.1 on stdout).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Prints the completion script, e.g. `actorgraph completions bash > ~/.local/share/bash-completion/completions/actorgraph`.
pub fn completions(args: CompletionArgs) -> anyhow::Result<Outcome> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "actorgraph", &mut out);
    output::print(&String::from_utf8(out)?)?;
    Ok(Outcome::Done)
}

/// Prints or writes the man pages.
pub fn man(args: ManArgs) -> anyhow::Result<Outcome> {
    let cmd = Cli::command();
    let Some(dir) = args.dir else {
        output::print(&String::from_utf8(page(cmd)?)?)?;
        return Ok(Outcome::Done);
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
    let mut written = vec![("actorgraph.1".to_string(), page(cmd.clone())?)];
    for sub in cmd.get_subcommands() {
        let name = format!("actorgraph-{}", sub.get_name());
        let sub = sub.clone().name(name.clone());
        written.push((format!("{name}.1"), page(sub)?));
    }
    for (file, text) in &written {
        let path = dir.join(file);
        std::fs::write(&path, text).map_err(|e| Error::io("write", &path, e))?;
    }
    output::print(&format!(
        "wrote {} man pages into {}\n",
        written.len(),
        dir.display()
    ))?;
    Ok(Outcome::Done)
}

fn page(cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    Ok(out)
}
