import Testing

@testable import LineEditor

@Suite struct HistoryLocationTests {
    @Test func prefersXDGStateHome() {
        let path = HistoryLocation.resolve(environment: [
            "XDG_STATE_HOME": "/x/state", "HOME": "/home/u",
        ])
        #expect(path == "/x/state/ctxlab/history")
    }

    @Test func fallsBackToHome() {
        #expect(
            HistoryLocation.resolve(environment: ["HOME": "/home/u"])
                == "/home/u/.local/state/ctxlab/history")
    }

    @Test(arguments: ["", "relative/state"])
    func ignoresEmptyOrRelativeXDGStateHome(_ value: String) {
        let path = HistoryLocation.resolve(environment: [
            "XDG_STATE_HOME": value, "HOME": "/home/u",
        ])
        #expect(path == "/home/u/.local/state/ctxlab/history")
    }

    @Test func trimsTrailingSlashes() {
        #expect(
            HistoryLocation.resolve(environment: ["XDG_STATE_HOME": "/s//"]) == "/s/ctxlab/history")
        #expect(
            HistoryLocation.resolve(environment: ["HOME": "/"]) == "/.local/state/ctxlab/history")
    }

    @Test func nilWithoutUsableVariables() {
        #expect(HistoryLocation.resolve(environment: [:]) == nil)
        #expect(HistoryLocation.resolve(environment: ["HOME": ""]) == nil)
    }
}
