import ArgumentParser

/// The optimizers the command line offers.
enum OptimizerName: String, CaseIterable, ExpressibleByArgument {
    case random
    case boRF = "bo-rf"
    case boRFNoisy = "bo-rf-noisy"
    case boDNGO = "bo-dngo"
    case boDNGONoisy = "bo-dngo-noisy"
}
