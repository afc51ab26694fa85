//! The `hui` command line: parses arguments and reports; the work is in the
//! library.

#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "hui",
    version,
    about = "Build a bilingual investment guide with digital business cards from Markdown and YAML",
    long_about = None,
    after_help = "Start with `hui init my-guide`, then `cd my-guide && hui serve`.\nRun `hui <command> --help` for the options and examples of each command."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options shared by the commands that read a site.
#[derive(Args)]
struct SiteArgs {
    /// The folder that holds content/ [default: the current folder]
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Include entries marked `draft: true`
    #[arg(long)]
    drafts: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ into public/
    #[command(
        after_help = "Examples:\n  hui build\n  hui build --root my-site --base-url https://invest.example.gov.cn/guide/\n  hui build --offline   # offline/ and <host>-offline.zip, for a tablet or USB stick at a fair\n\nBeside the output, hui build also writes <output>.nginx.conf (a server block for nginx; not served).\n\nExit status: 0 when the site was built, 1 when the content has errors (the previous output is left as it was), 2 for bad arguments."
    )]
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: DIR/public, or DIR/offline with --offline]
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The address the site is published at; overrides base_url in site.yaml
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Write the offline copy instead: links that name index.html, so it
        /// opens from disk (file://) with search, into DIR/offline, packed as
        /// <host>-offline.zip beside it
        #[arg(long)]
        offline: bool,
        /// Print only errors and warnings
        #[arg(long, short)]
        quiet: bool,
    },
    /// Serve the site locally, rebuild on every change and reload the browser
    #[command(
        after_help = "Examples:\n  hui serve\n  hui serve --port 8080 --open\n  hui serve --bind 0.0.0.0   # let phones on the same network open it\n\nThe site is built in memory: public/ is not touched. When a file has an error the browser shows it, and the last good build stays served until the file is fixed. Stop with Ctrl+C."
    )]
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The port to listen on
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; the default only accepts this computer
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
    },
    /// Check the content without building: errors, plus warnings about translations, links, images and stale content
    #[command(
        after_help = "Examples:\n  hui check\n  hui check --strict            # warnings fail the check too (for CI)\n  hui check --format json       # one JSON object per problem, for editors and scripts\n\nExit status: 0 when there are no errors (and, with --strict, no warnings), 1 otherwise, 2 for bad arguments."
    )]
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        /// How to print the problems
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Create a new entry with every field of its collection as a commented example
    #[command(
        after_help = "Examples:\n  hui new officials zhang-wei\n  hui new parks west-zone\n  hui new policies 2026-talent-plan\n\nCollections: industries, parks, policies, officials, pages. Writes the default-language file and one file per other language; an existing file is never overwritten."
    )]
    New {
        /// industries, parks, policies, officials or pages
        collection: String,
        /// The file name and URL of the entry: lower-case letters, digits and hyphens
        slug: String,
        /// The folder that holds content/ [default: the current folder]
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
    /// Create a new site with one example entry in each collection
    #[command(
        after_help = "Examples:\n  hui init my-guide\n  hui init .            # in an empty current folder\n\nThe new site builds at once: `cd my-guide && hui serve`."
    )]
    Init {
        /// The folder to create the site in (created if missing; must be empty)
        dir: PathBuf,
    },
    /// Print the content contract: every collection's fields, or their JSON Schema
    #[command(
        after_help = "Examples:\n  hui schema\n  hui schema --format json > hui-schema.json   # for editors' YAML tooling\n  hui schema --format markdown                  # the README's field reference\n\nWith --format json: one JSON object whose keys are the collections (industries, parks…), each the JSON Schema (draft 2020-12) of that collection's front matter."
    )]
    Schema {
        /// human: one line per field; json: JSON Schema per collection;
        /// markdown: the README's field reference
        #[arg(long, value_enum, default_value = "human")]
        format: SchemaFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaFormat {
    Human,
    Json,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    // A bug must still end with a message a person can act on and a failing
    // exit status; the output folder is safe either way (see `output`).
    std::panic::set_hook(Box::new(|info| {
        if hui::card::photo::panic_is_contained() {
            return;
        }
        eprintln!(
            "error: hui stopped on an internal error, which is a bug: {info}\n  = help: the previous output was left as it was; please report this with the command you ran"
        );
    }));
    let cli = Cli::parse();
    if matches!(
        cli.command,
        Command::Build { .. } | Command::Serve { .. } | Command::Check { .. }
    ) {
        use_io_friendly_threads();
    }
    match cli.command {
        Command::Build {
            site,
            output,
            base_url,
            offline,
            quiet,
        } => {
            let options = hui::BuildOptions {
                root: site.root,
                output,
                base_url,
                drafts: site.drafts,
                today: None,
                offline,
            };
            let report = hui::build(&options);
            print_report(&report, quiet)
        }
        Command::Serve {
            site,
            port,
            bind,
            open,
        } => {
            let options = hui::serve::ServeOptions {
                build: hui::BuildOptions {
                    root: site.root,
                    drafts: site.drafts,
                    ..Default::default()
                },
                bind,
                port,
                open,
            };
            match hui::serve::serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check {
            site,
            strict,
            format,
        } => {
            let options = hui::BuildOptions {
                root: site.root,
                drafts: site.drafts,
                ..Default::default()
            };
            let mut diagnostics = hui::check::check(&options);
            if strict {
                diagnostics.promote_warnings();
            }
            print_check(&diagnostics, format)
        }
        Command::New {
            collection,
            slug,
            root,
        } => match hui::scaffold::new_entry(&root, &collection, &slug) {
            Ok(files) => {
                for file in files {
                    eprintln!("Created {}", hui::shown_path(&file));
                }
                ExitCode::SUCCESS
            }
            Err(d) => {
                eprintln!("{}", d.render(use_color()));
                ExitCode::from(1)
            }
        },
        Command::Schema { format } => {
            match format {
                SchemaFormat::Human => print!("{}", hui::content::fields::describe()),
                SchemaFormat::Markdown => print!("{}", hui::content::fields::reference()),
                SchemaFormat::Json => {
                    let all: serde_json::Map<String, serde_json::Value> =
                        hui::content::schema::Collection::ALL
                            .iter()
                            .map(|c| (c.dir().to_owned(), hui::content::fields::json_schema(*c)))
                            .collect();
                    println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
                }
            }
            ExitCode::SUCCESS
        }
        Command::Init { dir } => match hui::scaffold::init(&dir) {
            Ok(files) => {
                let shown = hui::shown_path(&dir);
                let next = if shown.is_empty() || shown == "." {
                    String::new()
                } else {
                    format!("\n  cd {shown}")
                };
                eprintln!(
                    "Created a new site in {} ({} files). Next:{next}\n  hui serve",
                    if shown.is_empty() { "." } else { &shown },
                    files.len(),
                );
                ExitCode::SUCCESS
            }
            Err(d) => {
                eprintln!("{}", d.render(use_color()));
                ExitCode::from(1)
            }
        },
    }
}

/// Two worker threads per core unless `RAYON_NUM_THREADS` says otherwise:
/// rendering is fast and writing files blocks in the kernel, so spare threads
/// keep the cores busy while others wait on the file system (a 10,000-entry
/// build on ext4 took about 20 % less time).
fn use_io_friendly_threads() {
    if std::env::var_os("RAYON_NUM_THREADS").is_some() {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(cores * 2)
        .build_global();
}

fn use_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn print_report(report: &hui::BuildReport, quiet: bool) -> ExitCode {
    let color = use_color();
    for d in report.diagnostics.iter() {
        eprintln!("{}\n", d.render(color));
    }
    let errors = report.diagnostics.error_count();
    let warnings = report.diagnostics.warning_count();
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
        for path in &report.beside {
            eprintln!("Wrote {}", hui::shown_path(path));
        }
    }
    ExitCode::SUCCESS
}

fn print_check(diagnostics: &hui::diagnostics::Diagnostics, format: Format) -> ExitCode {
    match format {
        Format::Json => {
            for d in diagnostics.iter() {
                println!("{}", d.to_json());
            }
        }
        Format::Human => {
            let color = use_color();
            for d in diagnostics.iter() {
                eprintln!("{}\n", d.render(color));
            }
            let (errors, warnings) = (diagnostics.error_count(), diagnostics.warning_count());
            if errors + warnings == 0 {
                eprintln!("No problems found.");
            } else {
                eprintln!(
                    "Found {} and {}.",
                    plural(errors, "error"),
                    plural(warnings, "warning")
                );
            }
        }
    }
    if diagnostics.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
