import CFCNetData
import Foundation

/// The recorded results of every FCNet configuration on one dataset: the validation MSE at epoch
/// 100 and the training runtime for each of the 4 seeds, and the number of network parameters.
///
/// The tables are embedded in the binary (see `Scripts/import_fcnet.py` for the file layout);
/// ``load(_:)`` checks their size and checksum, so a damaged table is an error, never a crash.
public struct FCNetTable: Sendable {
    /// The dataset the table belongs to.
    public let dataset: FCNetDataset
    /// The number of configurations (62,208).
    public let count: Int
    /// The number of recorded seeds per configuration (4).
    public let seeds: Int
    /// Validation MSE, configuration-major: entry `id * seeds + k` is seed k of configuration id.
    public let validationMSE: [Float]
    /// Training runtime in seconds, in the same layout as ``validationMSE``.
    public let runtime: [Float]
    /// The number of parameters of each configuration's network.
    public let parameterCount: [UInt32]
    /// The mean validation MSE over the seeds (accumulated in double precision).
    public let meanValidationMSE: [Double]
    /// The id of the configuration with the lowest mean validation MSE.
    public let bestID: Int

    /// The lowest mean validation MSE of the dataset.
    public var bestMeanValidationMSE: Double { meanValidationMSE[bestID] }

    static let magic = Array("HPOFCNET".utf8)
    static let headerSize = 32

    /// The table embedded in the binary.
    public static func load(_ dataset: FCNetDataset) throws -> FCNetTable {
        var count = 0
        guard let pointer = hpo_fcnet_table(dataset.tableIndex, &count) else {
            throw FCNetTableError.missing(source: "the embedded \(dataset.benchmarkName) table")
        }
        return try FCNetTable(
            bytes: UnsafeRawBufferPointer(start: pointer, count: count), dataset: dataset,
            source: "the embedded \(dataset.benchmarkName) table")
    }

    /// A table read from a file written by `Scripts/import_fcnet.py`.
    public static func load(_ dataset: FCNetDataset, contentsOf url: URL) throws -> FCNetTable {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FCNetTableError.missing(source: url.path)
        }
        return try data.withUnsafeBytes { try FCNetTable(bytes: $0, dataset: dataset, source: url.path) }
    }

    /// Parses and checks a table.
    init(bytes: UnsafeRawBufferPointer, dataset: FCNetDataset, source: String) throws {
        let expected = dataset.manifest
        guard bytes.count == expected.byteCount else {
            throw FCNetTableError.wrongSize(source: source, expected: expected.byteCount, actual: bytes.count)
        }
        guard Array(bytes[0..<8]) == Self.magic else { throw FCNetTableError.notATable(source: source) }
        func u32(_ offset: Int) -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
        let version = u32(8), count = u32(12), seeds = u32(16)
        let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        guard version == 1, seeds > 0, Self.headerSize + count * (8 * seeds + 4) == bytes.count else {
            throw FCNetTableError.notATable(source: source)
        }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[Self.headerSize...])
        let checksum = FNV1a64.hash(payload)
        guard checksum == expected.checksum, checksum == stored else {
            throw FCNetTableError.checksumMismatch(source: source, expected: expected.checksum, actual: checksum)
        }
        func floats(_ offset: Int, _ n: Int) -> [Float] {
            (0..<n).map { Float(bitPattern: UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: offset + 4 * $0, as: UInt32.self))) }
        }
        let entries = count * seeds
        self.dataset = dataset
        self.count = count
        self.seeds = seeds
        validationMSE = floats(0, entries)
        runtime = floats(4 * entries, entries)
        parameterCount = (0..<count).map {
            UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: 8 * entries + 4 * $0, as: UInt32.self))
        }
        let validation = validationMSE
        let means = (0..<count).map { id in
            var sum = 0.0
            for k in 0..<seeds { sum += Double(validation[id * seeds + k]) }
            return sum / Double(seeds)
        }
        meanValidationMSE = means
        bestID = means.indices.min { means[$0] < means[$1] } ?? 0
    }
}

/// An FCNet table that is missing or damaged.
public enum FCNetTableError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(source: String)
    case wrongSize(source: String, expected: Int, actual: Int)
    case notATable(source: String)
    case checksumMismatch(source: String, expected: UInt64, actual: UInt64)

    public var description: String {
        let remedy = "rebuild it with `python3 Scripts/import_fcnet.py`"
        switch self {
        case .missing(let source):
            return "the FCNet table \(source) is missing: \(remedy)"
        case .wrongSize(let source, let expected, let actual):
            return "the FCNet table \(source) has \(actual) bytes but must have \(expected): it is truncated or damaged; \(remedy)"
        case .notATable(let source):
            return "\(source) is not an FCNet table of format version 1 (bad header): \(remedy)"
        case .checksumMismatch(let source, let expected, let actual):
            return "the FCNet table \(source) is damaged: checksum 0x\(String(actual, radix: 16)) but expected 0x\(String(expected, radix: 16)); \(remedy)"
        }
    }
}

/// The 64-bit FNV-1a hash (Fowler, Noll, Vo), used as the tables' checksum.
enum FNV1a64 {
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
