import HPOSurrogate
import RealModule
import Testing
@testable import HPOAcquisition

/// Reference values computed once with mpmath (60 to 200 significant digits) from the closed
/// forms: EI = sigma (phi(z) + z Phi(z)); PI = Phi(z); log-space EI =
/// e^eta Phi(z) - e^(mu + sigma^2/2) Phi(z - sigma), z = (eta - mu) / sigma.
@Suite struct AcquisitionFunctionTests {
    @Test func expectedImprovementMatchesClosedForm() {
        let ei = ExpectedImprovement(incumbent: 0.6)
        let prediction = Prediction(mean: 0.5, variance: 0.04)
        #expect(abs(ei.value(prediction) - 0.13955931148026120592) < 1e-14)
        #expect(abs(ei.score(prediction) - Double.log(0.13955931148026120592)) < 1e-13)
        let far = ExpectedImprovement(incumbent: 0).value(Prediction(mean: 1, variance: 1))
        #expect(abs(far - 0.083315470587686298383) < 1e-14)
    }

    @Test func probabilityOfImprovementAndLowerConfidenceBoundMatchClosedForms() {
        let prediction = Prediction(mean: 0.5, variance: 0.04)
        let pi = ProbabilityOfImprovement(incumbent: 0.6)
        #expect(abs(pi.value(prediction) - 0.69146246127401310364) < 1e-14)
        #expect(abs(pi.score(prediction) - Double.log(0.69146246127401310364)) < 1e-13)
        #expect(LowerConfidenceBound(kappa: 2).value(prediction) == 2 * 0.2 - 0.5)
    }

    @Test(arguments: [
        // (mu, sigma, eta, log EI)
        (-1.0498221244986776883, 0.4, -1.2039728043259359926, -3.7699538227134749879),
        (15, 0.5, 0, -458.43427631005848111),   // z = -30: far lower tail
        (5, 0.2, 0, -321.4788320856667177),     // z = -25
        (-0.1, 1e-8, 0, -2.3521684610440912843), // sigma tiny: EI -> 1 - e^-0.1
        (0.5, 2, 0, -1.3768625408118292266),
    ])
    func logSpaceExpectedImprovementMatchesClosedForm(mu: Double, sigma: Double, eta: Double, expected: Double) {
        let ei = ExpectedImprovement(incumbent: eta, transform: .logarithm(shift: 0))
        let got = ei.score(Prediction(mean: mu, variance: sigma * sigma))
        #expect(abs(got - expected) <= 1e-9 * max(1, abs(expected)), "log EI = \(got), expected \(expected)")
    }

    @Test func expectedImprovementIsFiniteNonNegativeAndMonotone() {
        for transform in [TargetTransform.identity, .logarithm(shift: 0)] {
            let ei = ExpectedImprovement(incumbent: 0, transform: transform)
            // Decreasing in the mean at fixed sigma, increasing in sigma at fixed mean.
            var previousValue = Double.infinity
            var previousScore = Double.infinity
            for step in 0...400 {
                let mean = -2 + 0.1 * Double(step) // z from 20 down to -380
                let prediction = Prediction(mean: mean, variance: 0.01)
                let value = ei.value(prediction)
                let score = ei.score(prediction)
                #expect(value >= 0 && value.isFinite)
                #expect(score.isFinite, "log EI not finite at mean \(mean) (\(transform))")
                #expect(value <= previousValue)
                #expect(score < previousScore, "log EI not decreasing at mean \(mean) (\(transform))")
                previousValue = value
                previousScore = score
            }
            previousScore = -Double.infinity
            for exponent in -12...1 {
                let sigma = Double.pow(10, Double(exponent))
                let score = ei.score(Prediction(mean: 0.5, variance: sigma * sigma))
                #expect(score > previousScore, "log EI not increasing in sigma at \(sigma) (\(transform))")
                previousScore = score
            }
        }
    }

    @Test func expectedImprovementTendsToThePlainImprovementAsSigmaVanishes() {
        let ei = ExpectedImprovement(incumbent: 1)
        #expect(ei.value(Prediction(mean: 0.25, variance: 0)) == 0.75)
        #expect(ei.value(Prediction(mean: 1.5, variance: 0)) == 0)
        #expect(abs(ei.value(Prediction(mean: 0.25, variance: 1e-24)) - 0.75) < 1e-15)
        let logSpace = ExpectedImprovement(incumbent: 0, transform: .logarithm(shift: 0))
        let exact = 1 - Double.exp(-0.5)
        #expect(abs(logSpace.value(Prediction(mean: -0.5, variance: 0)) - exact) < 1e-15)
        #expect(abs(logSpace.value(Prediction(mean: -0.5, variance: 1e-20)) - exact) < 1e-12)
        #expect(logSpace.score(Prediction(mean: 0.5, variance: 0)) == -Double.infinity)
    }

    @Test func logExpectedImprovementAgreesWithTheLogarithmOfEI() {
        // The copula transform is EI on the surrogate's scale.
        for transform in [
            TargetTransform.identity, .logarithm(shift: 0),
            .copula(MonotoneInterpolation(inputs: [1, 2], outputs: [-1, 1])),
        ] {
            let ei = ExpectedImprovement(incumbent: 0, transform: transform)
            for mean in stride(from: -3.0, through: 6, by: 0.25) {
                for sigma in [0.05, 0.3, 1, 3] {
                    let prediction = Prediction(mean: mean, variance: sigma * sigma)
                    let direct = directEI(prediction, transform: transform)
                    guard direct > 1e-300 else { continue }
                    let score = ei.score(prediction)
                    #expect(abs(score - Double.log(direct)) < 1e-6 * max(1, abs(score)),
                            "log EI \(score) vs log of EI \(Double.log(direct)) at mean \(mean), sigma \(sigma)")
                }
            }
        }
    }

    /// EI by the textbook formulas in plain floating point, where they are representable.
    private func directEI(_ p: Prediction, transform: TargetTransform) -> Double {
        let sigma = p.standardDeviation
        let z = (0 - p.mean) / sigma
        switch transform {
        case .identity, .copula: return sigma * (StandardNormal.pdf(z) + z * StandardNormal.cdf(z))
        case .logarithm: return StandardNormal.cdf(z) - Double.exp(p.mean + sigma * sigma / 2) * StandardNormal.cdf(z - sigma)
        }
    }
}
