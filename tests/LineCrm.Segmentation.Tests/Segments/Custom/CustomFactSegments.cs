using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace LineCrm.Segmentation.Tests.Segments.Custom;

/// <summary>Random well-typed CEL text over <see cref="CustomFactData.Schema"/>: custom scalars, records and built-ins mixed.</summary>
internal static class CustomFactSegments
{
    public static Gen<string> Predicates() => Bool(2);

    private static string Quote(string text) => "'" + text + "'";

    private static Gen<string> Int(string? view) => Gen.OneOf(
    [
        Gen.Constant("loyaltyPoints"),
        Gen.Choose(-2, 6).Select(p => (p * 100).ToString(CultureInfo.InvariantCulture)),
        Gen.Constant("size(pageViews)"),
        .. view is null ? Array.Empty<Gen<string>>() : [Gen.Constant(view + ".seconds")],
    ]);

    private static Gen<string> Double(string? view) => Gen.OneOf(
    [
        Gen.Constant("score"),
        Gen.Choose(-4, 4).Select(s => (s * 0.75).ToString("0.0#", CultureInfo.InvariantCulture)),
        .. view is null ? Array.Empty<Gen<string>>() : [Gen.Constant(view + ".price")],
    ]);

    private static Gen<string> Text(string? view) => Gen.OneOf(
    [
        Gen.Constant("tier"),
        Gen.Elements(CustomFactData.Tiers.Append("bronze").Select(Quote).ToArray()),
        .. view is null ? Array.Empty<Gen<string>>() : [Gen.Constant(view + ".productId"), Gen.Elements(CustomFactData.Products.Select(Quote).ToArray())],
    ]);

    private static Gen<string> Time(string? view) => Gen.OneOf(
    [
        Gen.Constant("lastVisitAt"),
        Gen.Constant("lastClickAt"),
        Gen.Choose(0, 40).Select(d => $"now - days({d * 20})"),
        .. view is null ? Array.Empty<Gen<string>>() : [Gen.Constant(view + ".at")],
    ]);

    // An int meets a double only in <, <=, > and >= (CEL has no mixed == without dyn).
    private static Gen<string> Comparison(Gen<string> left, Gen<string> right, bool mixed = false) =>
        from l in left
        from op in mixed ? Gen.Elements("<", "<=", ">", ">=") : Gen.Elements("==", "!=", "<", "<=", ">", ">=")
        from r in right
        select $"{l} {op} {r}";

    private static Gen<string> Leaf(string? view) => Gen.OneOf(
    [
        Comparison(Int(view), Int(view)),
        Comparison(Double(view), Double(view)),
        Comparison(Int(view), Double(view), mixed: true),
        Comparison(Text(view), Text(view)),
        Comparison(Time(view), Time(view)),
        Gen.Constant("optedIn"),
        Gen.Constant("!blocked"),
        from t in Text(view) from p in Gen.Elements("'g'", "'ld'", "''") from f in Gen.Elements("startsWith", "endsWith", "contains") select $"{t}.{f}({p})",
        from i in Int(view) from d in Gen.Elements("0", "100", "-1") select $"{i} / {d} >= 1",
        from i in Int(view) select $"{i} * 4611686018427387904 > 0",
        .. view is null ? Array.Empty<Gen<string>>() : [Gen.Constant(view + ".liked")],
    ]);

    private static Gen<string> Bool(int depth, string? view = null) => depth == 0
        ? Leaf(view)
        : Gen.Frequency(
            (3, Leaf(view)),
            (2, from l in Bool(depth - 1, view) from op in Gen.Elements("&&", "||") from r in Bool(depth - 1, view) select $"({l}) {op} ({r})"),
            (1, Bool(depth - 1, view).Select(b => $"!({b})")),
            (view is null ? 3 : 0, from q in Gen.Elements("exists", "all", "exists_one") from p in Bool(depth - 1, "v") select $"pageViews.{q}(v, {p})"),
            (view is null ? 1 : 0, from p in Bool(depth - 1, "v") from n in Gen.Choose(0, 3) select $"pageViews.filter(v, {p}).size() >= {n}"));
}
