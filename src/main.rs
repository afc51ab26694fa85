//! The `hui` command line: parses arguments and reports; the work is in the
//! library.

#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "hui",
    version,
    about = "Build a bilingual investment guide with digital business cards from Markdown and YAML",
    long_about = None,
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ into public/
    #[command(
        after_help = "Examples:\n  hui build\n  hui build --root my-site --base-url https://invest.example.gov.cn/guide/\n\nExit status: 0 when the site was built, 1 when the content has errors (the previous output is left as it was), 2 for bad arguments."
    )]
    Build {
        /// The folder that holds content/ [default: the current folder]
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: DIR/public]
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The address the site is published at; overrides base_url in site.yaml
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include entries marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Print only errors and warnings
        #[arg(long, short)]
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            quiet,
        } => {
            let options = hui::BuildOptions {
                root,
                output,
                base_url,
                drafts,
                today: None,
            };
            let report = hui::build(&options);
            print_report(&report, quiet)
        }
    }
}

fn print_report(report: &hui::BuildReport, quiet: bool) -> ExitCode {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in report.diagnostics.iter() {
        eprintln!("{}\n", d.render(color));
    }
    let errors = report.diagnostics.error_count();
    let warnings = report.diagnostics.warning_count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if errors > 0 {
        eprintln!(
            "error: build failed with {}{}; {} was left as it was",
            plural(errors, "error"),
            if warnings > 0 {
                format!(" and {}", plural(warnings, "warning"))
            } else {
                String::new()
            },
            hui::shown_path(&report.output)
        );
        return ExitCode::from(1);
    }
    if !quiet {
        eprintln!(
            "Built {} ({}) into {} in {} ms{}",
            plural(report.pages, "page"),
            plural(report.files, "file"),
            hui::shown_path(&report.output),
            report.elapsed.as_millis(),
            if warnings > 0 {
                format!(", {}", plural(warnings, "warning"))
            } else {
                String::new()
            }
        );
    }
    ExitCode::SUCCESS
}
