import Testing
@testable import HPOAcquisition

/// Reference values computed once with mpmath at 60 significant digits (`log(npdf(z) + z*ncdf(z))`,
/// `log(ncdf(x))`).
@Suite struct StandardNormalTests {
    @Test(arguments: [
        (0.5, -0.35982768374506381859), (-1, -2.4851210257126413368), (0, -0.91893853320467274178),
        (3, 1.0987396653277077727), (-5, -16.744301162660990143), (-19.9, -204.91288769492169302),
        (-20.1, -208.93274041662459151), (-30, -457.72465376059800405), (-100, -5010.1295788002497923),
        (-1e5, -5000000023.9447894634),
    ])
    func logHMatchesHighPrecision(z: Double, expected: Double) {
        let got = StandardNormal.logH(z)
        #expect(abs(got - expected) <= 1e-12 * max(1, abs(expected)), "log h(\(z)) = \(got), expected \(expected)")
    }

    @Test(arguments: [
        (-30.0, -454.32124395634319711), (-5, -15.064998393988725736), (3, -0.0013508099647481937988),
        (-19.9, -201.91716770733262593), (-20.1, -205.92711840194821713),
    ])
    func logCDFMatchesHighPrecision(x: Double, expected: Double) {
        let got = StandardNormal.logCDF(x)
        #expect(abs(got - expected) <= 1e-12 * max(1, abs(expected)), "log Phi(\(x)) = \(got), expected \(expected)")
    }

    @Test func logCDFIsZeroFarInTheUpperTailAndFiniteFarInTheLowerTail() {
        #expect(StandardNormal.logCDF(40) == 0)
        #expect(StandardNormal.logCDF(-1e6).isFinite)
        #expect(StandardNormal.logCDF(-1e6) < StandardNormal.logCDF(-1e5))
    }

    @Test func logHIsIncreasingAcrossTheSwitchToTheSeries() {
        var previous = -Double.infinity
        var z = -25.0
        while z < 5 {
            let value = StandardNormal.logH(z)
            #expect(value > previous, "log h is not increasing at z = \(z)")
            previous = value
            z += 0.01
        }
    }
}
