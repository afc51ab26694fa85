//! A build killed at any moment (SIGKILL: no cleanup runs) leaves the
//! previous `public/` complete, and the next build clears what it left.

mod common;

use std::process::Command;
use std::time::Instant;

use common::{tree, TestSite};

/// A site big enough that a build takes a while to kill in the middle of.
fn big_site() -> TestSite {
    let site = TestSite::complete();
    for i in 0..150 {
        site.file(
            &format!("content/parks/park-{i:03}.md"),
            &format!(
                "---\ntitle: 园区{i}\nindustries: [new-display]\n---\n{}\n",
                "园区介绍。".repeat(200)
            ),
        );
    }
    site
}

fn hui(site: &TestSite) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hui"));
    cmd.args(["build", "--quiet", "--root"])
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", "1790000000")
        .stderr(std::process::Stdio::null());
    cmd
}

#[test]
fn killing_a_build_never_damages_the_previous_output() {
    let site = big_site();
    assert!(hui(&site).status().unwrap().success());
    let good = tree(&site.public(""));
    let start = Instant::now();
    assert!(hui(&site).status().unwrap().success());
    let duration = start.elapsed();

    // Kill builds at moments spread over a whole build.
    for round in 0..12u32 {
        let mut child = hui(&site).spawn().unwrap();
        std::thread::sleep(duration * round / 12);
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&site.public(""));
        assert_eq!(now.len(), good.len(), "round {round}: files lost");
        assert!(now == good, "round {round}: public/ changed");
    }

    // The next build removes the staging folders the killed ones left.
    assert!(hui(&site).status().unwrap().success());
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".hui-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(tree(&site.public("")) == good);
}

#[test]
fn a_missing_or_read_only_output_parent_is_a_clear_error() {
    let site = TestSite::complete();
    let out = site.cli(&["build", "--output", "no/such/folder/public"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does not exist"), "{stderr}");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = site.root().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Root may write anywhere; the check only means something for others.
        if std::fs::write(locked.join("probe"), b"x").is_err() {
            let out = site.cli(&["build", "--output", "locked/public"]);
            assert_eq!(out.status.code(), Some(1));
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("cannot write"), "{stderr}");
        }
        let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
    }
}
