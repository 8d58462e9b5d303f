import Testing

/// Every test that calls `readLine`: it installs process-wide SIGINT/SIGWINCH handlers and
/// changes terminal modes, so these tests run one at a time (nested suites inherit this).
@Suite(.serialized) enum ReadLineTests {}
