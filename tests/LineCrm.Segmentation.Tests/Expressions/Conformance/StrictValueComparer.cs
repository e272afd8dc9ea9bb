using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Tests.Expressions.Conformance;

/// <summary>
/// Compares an actual CEL value with an expected one for the conformance runner: same type all the way down
/// (1 and 1u and 1.0 differ, unlike CEL's ==), NaN equals NaN and -0.0 differs from 0.0.
/// </summary>
internal static class StrictValueComparer
{
    public static bool AreSame(object expected, object actual) => (expected, actual) switch
    {
        (double e, double a) => double.IsNaN(e) ? double.IsNaN(a) : e.Equals(a) && double.IsNegative(e) == double.IsNegative(a),
        (CelList e, CelList a) => e.Count == a.Count && e.Items.Zip(a.Items).All(p => AreSame(p.First, p.Second)),
        (CelMap e, CelMap a) => e.Count == a.Count
            && e.Keys.All(k => a.Keys.Any(ak => AreSame(k, ak)) && a.TryGetValue(k, out var v) && AreSame(e[k], v)),
        _ => expected.GetType() == actual.GetType() && expected.Equals(actual),
    };
}
