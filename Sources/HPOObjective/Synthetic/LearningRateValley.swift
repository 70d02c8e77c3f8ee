import Foundation
import HPOSpace

extension SyntheticFunction {
    /// A synthetic training loss over log-scaled parameters, made for this project to test
    /// log-uniform ranges: with a = log₁₀ learning_rate and b = log₁₀ weight_decay,
    /// `(a + 3)² + 10 (b - 2a - 2)² + 4 (dropout - 0.3)²`, a narrow diagonal valley in log space.
    /// `learning_rate` is log-uniform in [10⁻⁶, 1], `weight_decay` log-uniform in [10⁻⁷, 10⁻¹],
    /// `dropout` uniform in [0, 0.8]. Global minimum 0 at learning_rate = 10⁻³,
    /// weight_decay = 10⁻⁴, dropout = 0.3 (by construction: a sum of squares that vanish there).
    public static let learningRateValley = SyntheticFunction(
        name: "learning-rate-valley", summary: "a log-space valley: 2 log-scaled reals (learning rate, weight decay) + 1 real",
        space: space {
            [try .real("learning_rate", 1e-6, 1, log: true), try .real("weight_decay", 1e-7, 1e-1, log: true),
             try .real("dropout", 0, 0.8)]
        },
        optimum: 0, optimalConfiguration: Configuration([1e-3, 1e-4, 0.3]), noise: 0.1
    ) { x in
        let a = log10(x[0]), b = log10(x[1])
        let valley = b - 2 * a - 2, dropout = x[2] - 0.3
        return (a + 3) * (a + 3) + 10 * valley * valley + 4 * dropout * dropout
    }
}
