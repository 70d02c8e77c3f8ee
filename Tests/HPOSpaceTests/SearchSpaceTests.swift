import Foundation
import HPORandom
import Testing
@testable import HPOSpace

/// A small mixed space used across the tests.
func mixedSpace() throws -> SearchSpace {
    try SearchSpace([
        .categorical("kind", ["a", "b", "c"]),
        .ordinal("batch_size", [8, 16, 32, 64]),
        .integer("units", 1, 64),
        .real("lr", 0.0001, 1.0, log: true),
    ])
}

/// A finite space with the FCNet shape (radices 2, 2, 4, 3, 3, 6, 2, 6, 6).
func fcnetShapedSpace() throws -> SearchSpace {
    try SearchSpace([
        .categorical("a1", ["relu", "tanh"]), .categorical("a2", ["relu", "tanh"]),
        .ordinal("batch", [8, 16, 32, 64]), .ordinal("d1", [0, 0.3, 0.6]), .ordinal("d2", [0, 0.3, 0.6]),
        .ordinal("lr", [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1]), .categorical("schedule", ["cosine", "const"]),
        .ordinal("u1", [16, 32, 64, 128, 256, 512]), .ordinal("u2", [16, 32, 64, 128, 256, 512]),
    ])
}

@Suite("Search spaces")
struct SearchSpaceTests {
    @Test("size, ids and enumeration: the id is a bijection on all 62,208 configurations")
    func idsAreABijection() throws {
        let space = try fcnetShapedSpace()
        #expect(space.size == 62_208)
        let all = try space.allConfigurations()
        #expect(all.count == 62_208)
        #expect(Set(all).count == 62_208)
        for (id, configuration) in all.enumerated() {
            #expect(try space.id(of: configuration) == id)
            #expect(space.fastID(of: configuration) == id)
        }
        #expect(try space.configuration(id: 0).values == [0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(try space.configuration(id: 62_207).values == [1, 1, 3, 2, 2, 5, 1, 5, 5])
        // first parameter most significant
        #expect(try space.configuration(id: 1).values == [0, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test("integer parameters are numbered from their low bound")
    func integerIDs() throws {
        let space = try SearchSpace([.integer("n", -2, 3), .categorical("c", ["x", "y"])])
        #expect(space.size == 12)
        let all = try space.allConfigurations()
        #expect(all.first?.values == [-2, 0] && all.last?.values == [3, 1])
        for (id, configuration) in all.enumerated() { #expect(try space.id(of: configuration) == id) }
    }

    @Test("a space with a real parameter is infinite and refuses ids")
    func infiniteSpace() throws {
        let space = try mixedSpace()
        #expect(space.size == nil && !space.isFinite)
        #expect(throws: SpaceError.notFinite(operation: "a configuration id")) {
            try space.id(of: space.defaultConfiguration)
        }
    }

    @Test("encodings round-trip: index vector, unit cube, one-hot, JSON")
    func encodingsRoundTrip() throws {
        var generator = SeededGenerator(seed: 5)
        for space in [try fcnetShapedSpace(), try mixedSpace()] {
            for _ in 0..<500 {
                let configuration = space.sample(using: &generator)
                try space.validate(configuration)
                #expect(Configuration(space.indexVector(configuration)) == configuration)
                let cube = space.unitCube(configuration)
                #expect(cube.allSatisfy { $0 >= 0 && $0 <= 1 })
                let fromCube = try space.configuration(fromUnitCube: cube)
                for (a, b) in zip(fromCube.values, configuration.values) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
                let oneHot = space.oneHot(configuration)
                #expect(oneHot.count == space.oneHotWidth)
                let fromOneHot = try space.configuration(fromOneHot: oneHot)
                for (a, b) in zip(fromOneHot.values, configuration.values) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
                #expect(try space.configuration(json: space.json(of: configuration)) == configuration)
                #expect(try space.configuration(from: space.dictionary(of: configuration)) == configuration)
            }
        }
        #expect(try mixedSpace().oneHotWidth == 3 + 1 + 1 + 1)
    }

    @Test("one-hot blocks: exactly one 1 per categorical parameter, and per ordinal one in scope .choices")
    func oneHotBlocks() throws {
        let space = try mixedSpace()
        let configuration = try space.configuration(from: ["kind": .string("b"), "batch_size": .number(32), "units": .number(64), "lr": .number(0.01)])
        #expect(space.oneHot(configuration) == [0, 1, 0, 2.0 / 3, 1, 0.5])
        // With every list of values one-hot, batch_size 32 is the third of four columns; the
        // integer and the real parameter stay on the unit scale.
        #expect(space.oneHotWidth(.choices) == 3 + 4 + 1 + 1)
        #expect(space.oneHot(configuration, scope: .choices) == [0, 1, 0, 0, 0, 1, 0, 1, 0.5])
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<200 {
            let sampled = space.sample(using: &generator)
            let encoded = space.oneHot(sampled, scope: .choices)
            #expect(encoded[3..<7].reduce(0, +) == 1)
            let decoded = try space.configuration(fromOneHot: encoded, scope: .choices)
            for (a, b) in zip(decoded.values, sampled.values) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
        }
        #expect(throws: SpaceError.self) { try space.configuration(fromOneHot: [0, 1, 0, 0.5, 1, 0.5], scope: .choices) }
    }

    @Test("neighbourhood sizes match their closed forms and hold the configurations at that distance")
    func neighbourhoods() throws {
        let space = try fcnetShapedSpace()
        #expect(space.neighbourCount(distance: 1) == 25)
        // e2 of (1, 1, 3, 2, 2, 5, 1, 5, 5) = (25^2 - sum of squares 95) / 2 = 265
        #expect(space.neighbourCount(distance: 2) == 265)
        #expect(space.neighbourCount(distance: 9) == 1 * 1 * 3 * 2 * 2 * 5 * 1 * 5 * 5)
        #expect(space.neighbourCount(distance: 0) == 1)
        let center = try space.configuration(id: 31_337)
        let all = try space.allConfigurations()
        for distance in 1...3 {
            let neighbours = space.neighbours(of: center, distance: distance)
            #expect(neighbours.count == space.neighbourCount(distance: distance))
            let brute = all.filter { zip($0.values, center.values).filter { $0 != $1 }.count == distance }
            #expect(Set(neighbours) == Set(brute))
            #expect(Set(neighbours).count == neighbours.count)
        }
    }

    @Test("ordinal steps move one ordered parameter by one position")
    func ordinalSteps() throws {
        let space = try mixedSpace()
        let configuration = try space.configuration(from: ["kind": .string("a"), "batch_size": .number(8), "units": .number(5), "lr": .number(0.5)])
        let steps = space.ordinalSteps(of: configuration)
        #expect(Set(steps.map(\.values)) == [[0, 1, 5, 0.5], [0, 0, 4, 0.5], [0, 0, 6, 0.5]])
    }

    @Test("sampling is uniform over choices and log-uniform over log ranges")
    func sampling() throws {
        let space = try mixedSpace()
        var generator = SeededGenerator(seed: 9)
        let n = 40_000
        var belowTenth = 0, kindCounts = [0, 0, 0]
        for _ in 0..<n {
            let c = space.sample(using: &generator)
            kindCounts[c.index(0)] += 1
            if c[3] < 0.01 { belowTenth += 1 }
        }
        // log-uniform on [1e-4, 1]: P(x < 1e-2) = 1/2
        #expect(abs(Double(belowTenth) - Double(n) / 2) < 4 * (Double(n) / 4).squareRoot())
        let sd = (Double(n) / 3 * 2 / 3).squareRoot()
        for count in kindCounts { #expect(abs(Double(count) - Double(n) / 3) < 4 * sd) }
    }

    @Test("the space JSON round-trips and uses the schema's field names")
    func spaceJSON() throws {
        let space = try SearchSpace([
            .categorical("kind", ["a", "b"]), .ordinal("batch_size", [8, 16]),
            try Parameter(name: "units", domain: .integer(low: 1, high: 64, log: true), default: .number(8)),
            try Parameter(name: "lr", domain: .real(low: 0.001, high: 1, log: true), default: .number(0.01)),
        ])
        let json = try space.json(pretty: false)
        #expect(try SearchSpace(json: json) == space)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#"{"choices":["a","b"],"name":"kind","type":"categorical"}"#))
        #expect(text.contains(#"{"name":"batch_size","type":"ordinal","values":[8,16]}"#))
        #expect(text.contains(#""default":8,"high":64,"log":true,"low":1,"name":"units","type":"integer""#))
    }
}

@Suite("Malformed spaces and configurations")
struct MalformedSpaceTests {
    func error(_ json: String) -> String {
        do {
            _ = try SearchSpace(json: Data(json.utf8))
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("each malformed definition is rejected with a message naming the parameter and what is valid")
    func malformedDefinitions() {
        let cases: [(String, String)] = [
            (#"{"parameters": [{"name": "a", "type": "categorical", "choices": ["x"]}, {"name": "a", "type": "integer", "low": 1, "high": 2}]}"#,
             "parameter 'a' is defined twice: parameter names must be unique"),
            (#"{"parameters": [{"name": "c", "type": "categorical", "choices": []}]}"#,
             "parameter 'c' has no values: give at least one choice"),
            (#"{"parameters": [{"name": "c", "type": "categorical", "choices": ["x", "y", "x"]}]}"#,
             "parameter 'c' lists the value 'x' twice: values must be distinct"),
            (#"{"parameters": [{"name": "o", "type": "ordinal", "values": [1, 2, 2]}]}"#,
             "parameter 'o' lists the value '2' twice: values must be distinct"),
            (#"{"parameters": [{"name": "n", "type": "integer", "low": 5, "high": 5}]}"#,
             "parameter 'n' has low 5 >= high 5: low must be less than high"),
            (#"{"parameters": [{"name": "r", "type": "real", "low": 1.5, "high": 0.5}]}"#,
             "parameter 'r' has low 1.5 >= high 0.5: low must be less than high"),
            (#"{"parameters": [{"name": "r", "type": "real", "low": 0, "high": 1, "log": true}]}"#,
             "parameter 'r' is on a log scale but low is 0: a log range needs low > 0"),
            (#"{"parameters": [{"name": "n", "type": "integer", "low": -1, "high": 10, "log": true}]}"#,
             "parameter 'n' is on a log scale but low is -1: a log range needs low > 0"),
            (#"{"parameters": [{"name": "f", "type": "float", "low": 0, "high": 1}]}"#,
             "parameter 'f' has unknown type 'float': valid types are categorical, ordinal, integer, real"),
            (#"{"parameters": [{"name": "r", "type": "real", "low": 0}]}"#,
             "parameter 'r' is missing the field 'high'"),
            (#"{"parameters": [{"type": "real", "low": 0, "high": 1}]}"#,
             "parameter '#1' is missing the field 'name'"),
            (#"{"parameters": [{"name": "r", "type": "real", "low": 0, "high": 1, "default": 2}]}"#,
             "parameter 'r' has default 2, which is not in its domain: it must be a number in 0...1"),
            (#"{"parameters": []}"#, "the search space has no parameters: define at least one"),
            (#"{"params": []}"#, #"the space has no 'parameters' list: expected {"parameters": [...]}"#),
            (#"{"parameters": [{"name": "n", "type": "integer", "low": 0.5, "high": 3}]}"#,
             "parameter 'n' is an integer range but its bounds 0.5, 3 are not both integers"),
        ]
        for (json, message) in cases {
            #expect(error(json) == message, "for \(json)")
        }
        #expect(error("{not json").hasPrefix("the space is not valid"))
        #expect(throws: SpaceError.emptyName) { try Parameter.categorical("", ["x"]) }
    }

    @Test("configurations outside the space are rejected naming the parameter and the valid values")
    func outsideTheSpace() throws {
        let space = try mixedSpace()
        let good: [String: ParameterValue] = ["kind": .string("a"), "batch_size": .number(8), "units": .number(3), "lr": .number(0.1)]
        func message(_ values: [String: ParameterValue]) -> String {
            do { _ = try space.configuration(from: values); return "no error" } catch { return "\(error)" }
        }
        #expect(message(good) == "no error")
        #expect(message(good.merging(["kind": .string("z")]) { $1 }) == "parameter 'kind' cannot be z: it must be one of 'a', 'b', 'c'")
        #expect(message(good.merging(["batch_size": .number(12)]) { $1 }) == "parameter 'batch_size' cannot be 12: it must be one of 8, 16, 32, 64")
        #expect(message(good.merging(["units": .number(65)]) { $1 }) == "parameter 'units' cannot be 65: it must be an integer in 1...64")
        #expect(message(good.merging(["units": .number(2.5)]) { $1 }) == "parameter 'units' cannot be 2.5: it must be an integer in 1...64")
        #expect(message(good.merging(["lr": .number(2)]) { $1 }) == "parameter 'lr' cannot be 2: it must be a number in 0.0001...1")
        #expect(message(good.merging(["depth": .number(2)]) { $1 }) == "unknown parameter 'depth': the space has 'kind', 'batch_size', 'units', 'lr'")
        #expect(message(good.filter { $0.key != "lr" }) == "the configuration has no value for parameter 'lr'")
        #expect(throws: SpaceError.wrongDimension(expected: 4, got: 2)) { try space.validate(Configuration([0, 0])) }
        #expect(throws: SpaceError.valueOutOfDomain(parameter: "kind", value: "3", valid: "one of 'a', 'b', 'c'")) {
            try space.validate(Configuration([3, 0, 1, 0.1]))
        }
        let finite = try fcnetShapedSpace()
        #expect(throws: SpaceError.malformed("configuration id 62208 is out of range: valid ids are 0..<62208")) {
            try finite.configuration(id: 62_208)
        }
    }
}
