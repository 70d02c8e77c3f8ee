import Testing
@testable import HPOCommandLine

/// Expects `hpo run` to refuse `arguments` with a message containing `message`.
func expectRunRefuses(_ arguments: [String], saying message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(sourceLocation: sourceLocation) {
        try RunCommand.parse(arguments)
    } throws: { error in
        RunCommand.message(for: error).contains(message)
    }
}
