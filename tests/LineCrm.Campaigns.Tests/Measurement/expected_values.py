#!/usr/bin/env python3
# Expected values for tests/LineCrm.Campaigns.Tests/Measurement, from the formulas alone (scipy only for quantiles).
from math import sqrt
from scipy.stats import norm, t
z = norm.ppf(0.975)
def wilson(x, n, z=z):
    p = x / n
    d = 1 + z*z/n
    c = (p + z*z/(2*n)) / d
    h = z/d*sqrt(p*(1-p)/n + z*z/(4*n*n))
    return max(0, c-h), min(1, c+h)
def newcombe(x1, n1, x2, n2, z=z):
    p1, p2 = x1/n1, x2/n2
    l1, u1 = wilson(x1, n1, z); l2, u2 = wilson(x2, n2, z)
    d = p1 - p2
    return d - sqrt((p1-l1)**2 + (u2-p2)**2), d + sqrt((u1-p1)**2 + (p2-l2)**2)
print("z", repr(z))
for ex in [(56,70,48,80),(9,10,3,10),(6,7,2,7),(5,56,0,29),(0,10,0,20),(0,10,0,10),(10,10,0,20),(10,10,0,10)]:
    print("newcombe", ex, [repr(v) for v in newcombe(*ex)], "z=1.96:", ["%.4f" % v for v in newcombe(*ex, z=1.96)])
print("wilson 81/263", [repr(v) for v in wilson(81, 263)])
def welch(n1, m1, v1, n2, m2, v2):
    a, b = v1/n1, v2/n2
    se = sqrt(a+b)
    df = (a+b)**2 / (a*a/(n1-1) + b*b/(n2-1))
    q = t.ppf(0.975, df)
    d = m1 - m2
    return d, df, d - q*se, d + q*se
print("welch", [repr(v) for v in welch(1000, 12.5, 900.0, 120, 9.8, 650.0)])
print("welch", [repr(v) for v in welch(5, 3.0, 2.5, 7, 1.0, 0.25)])
for p, df in [(0.975, 3.7), (0.975, 10), (0.975, 117.4), (0.975, 1e4), (0.975, 1e6), (0.8, 1)]:
    print("t", p, df, repr(t.ppf(p, df)))
print("norm 0.8", repr(norm.ppf(0.8)))
def mde(n1, x1, n2, x2):
    p = (x1 + x2) / (n1 + n2)
    return (norm.ppf(0.975) + norm.ppf(0.8)) * sqrt(p*(1-p)*(1/n1 + 1/n2))
print("mde", repr(mde(9000, 540, 1000, 50)))
print("mde", repr(mde(90000, 5400, 10000, 500)))
# The worked example of docs/campaigns.md.
print("example newcombe", [repr(v) for v in newcombe(540, 9000, 50, 1000)])
print("example welch", [repr(v) for v in welch(9000, 4.80, 520.0, 1000, 3.90, 400.0)])
print("example mde", repr(mde(9000, 540, 1000, 50)))
