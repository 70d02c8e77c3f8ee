"""Independent Python definitions of swift-hpo's synthetic benchmark functions.

Each function takes a configuration as a dict of user-facing values (numbers, or choice strings
for categorical parameters) and returns the noise-free value. The spaces, optima and default
budgets are read from `hpo benchmarks --json`; `check.py` tests these functions equal to the
Swift ones (`hpo benchmarks evaluate`) at seeded sample points.
"""
import math


def ackley(z):
    n = len(z)
    squares = sum(v * v for v in z) / n
    cosines = sum(math.cos(2 * math.pi * v) for v in z) / n
    return -20 * math.exp(-0.2 * math.sqrt(squares)) - math.exp(cosines) + 20 + math.e


def rosenbrock(z):
    return sum(100 * (z[i + 1] - z[i] ** 2) ** 2 + (1 - z[i]) ** 2 for i in range(len(z) - 1))


def levy(z):
    w = [1 + (v - 1) / 4 for v in z]
    total = math.sin(math.pi * w[0]) ** 2
    for i in range(len(w) - 1):
        total += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def branin(c):
    x1, x2 = c["x1"], c["x2"]
    b, cc, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + cc * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN3 = ([[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]],
             [[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]])
HARTMANN6 = ([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]],
             [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])


def hartmann(a, p):
    def f(c):
        x = xs(c)
        return -sum(HARTMANN_ALPHA[i] * math.exp(-sum(a[i][j] * (x[j] - p[i][j] * 1e-4) ** 2 for j in range(len(x))))
                    for i in range(4))
    return f


def xs(c):
    """The values of x1, x2, ... in order."""
    return [c[f"x{i}"] for i in range(1, len(c) + 1)]


def styblinski_tang(c):
    return sum((v ** 4 - 16 * v ** 2 + 5 * v) / 2 for v in xs(c))


def six_hump_camel(c):
    x1, x2 = c["x1"], c["x2"]
    return (4 - 2.1 * x1 ** 2 + x1 ** 4 / 3) * x1 ** 2 + x1 * x2 + (-4 + 4 * x2 ** 2) * x2 ** 2


def goldstein_price(c):
    a, b = c["x1"], c["x2"]
    first = 1 + (a + b + 1) ** 2 * (19 - 14 * a + 3 * a * a - 14 * b + 6 * a * b + 3 * b * b)
    second = 30 + (2 * a - 3 * b) ** 2 * (18 - 32 * a + 12 * a * a + 48 * b - 36 * a * b + 27 * b * b)
    return first * second


def learning_rate_valley(c):
    a, b = math.log10(c["learning_rate"]), math.log10(c["weight_decay"])
    return (a + 3) ** 2 + 10 * (b - 2 * a - 2) ** 2 + 4 * (c["dropout"] - 0.3) ** 2


LETTERS = "abcdef"
ACKLEY_MIXED_LEVELS = [[1, -2, 2, 0, -1], [-2, 2, 0, -1, 1]]


def ackley_mixed(c):
    z = [ACKLEY_MIXED_LEVELS[0][LETTERS.index(c["c1"])], ACKLEY_MIXED_LEVELS[1][LETTERS.index(c["c2"])],
         c["x1"], c["x2"], c["x3"]]
    return ackley(z)


LEVY_MIXED_VARIANTS = {"a": (2, 0.5), "b": (-1, 0), "c": (0.5, 1), "d": (-3, 0.25)}


def levy_mixed(c):
    shift, penalty = LEVY_MIXED_VARIANTS[c["variant"]]
    return levy([c[f"x{i}"] + shift for i in (1, 2, 3)]) + penalty + 0.1 * (c["layers"] - 3) ** 2


LEVY_CATEGORICAL_LEVELS = [-4, -1, 1, 2.5, 4, 7]


def levy_categorical(c):
    return levy([LEVY_CATEGORICAL_LEVELS[(LETTERS.index(c[f"x{i + 1}"]) + i) % 6] for i in range(8)])


FUNCTIONS = {
    "branin": branin,
    "hartmann3": hartmann(*HARTMANN3),
    "hartmann6": hartmann(*HARTMANN6),
    "ackley-5": lambda c: ackley(xs(c)),
    "ackley-20": lambda c: ackley(xs(c)),
    "rosenbrock-4": lambda c: rosenbrock(xs(c)),
    "levy-10": lambda c: levy(xs(c)),
    "styblinski-tang-8": styblinski_tang,
    "six-hump-camel": six_hump_camel,
    "goldstein-price": goldstein_price,
    "learning-rate-valley": learning_rate_valley,
    "ackley-integer": lambda c: ackley([v / 4 for v in xs(c)]),
    "rosenbrock-integer": lambda c: rosenbrock([v / 5 for v in xs(c)]),
    "ackley-mixed": ackley_mixed,
    "levy-mixed": levy_mixed,
    "levy-categorical": levy_categorical,
}


def sample(parameters, rng):
    """A configuration drawn uniformly (log-uniformly on log ranges) from `parameters` (the
    `parameters` of `hpo benchmarks --json`) with the numpy generator `rng`."""
    config = {}
    for p in parameters:
        if p["type"] == "categorical":
            config[p["name"]] = p["choices"][int(rng.integers(len(p["choices"])))]
        elif p["type"] == "integer":
            config[p["name"]] = int(rng.integers(p["low"], p["high"] + 1))
        elif p.get("log"):
            config[p["name"]] = float(math.exp(rng.uniform(math.log(p["low"]), math.log(p["high"]))))
        else:
            config[p["name"]] = float(rng.uniform(p["low"], p["high"]))
    return config
