using System.Globalization;
using System.Text;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// A set of Unicode code points as sorted, disjoint, non-adjacent ranges: what an RE2 character class with
/// Unicode classes (<c>\p{Han}</c>, <c>[^\p{L}\d]</c>) denotes. .NET classes match UTF-16 units, so a set is
/// written back as a pattern that matches one code point: a class for the part below U+10000 and surrogate
/// pairs for the rest.
/// </summary>
internal sealed class CodePointSet
{
    /// <summary>The largest code point.</summary>
    public const int MaxCodePoint = 0x10FFFF;

    private static readonly (string Name, UnicodeCategory[] Members)[] CategoryNames =
    [
        ("Cc", [UnicodeCategory.Control]), ("Cf", [UnicodeCategory.Format]), ("Co", [UnicodeCategory.PrivateUse]),
        ("Cs", [UnicodeCategory.Surrogate]), ("Ll", [UnicodeCategory.LowercaseLetter]), ("Lm", [UnicodeCategory.ModifierLetter]),
        ("Lo", [UnicodeCategory.OtherLetter]), ("Lt", [UnicodeCategory.TitlecaseLetter]), ("Lu", [UnicodeCategory.UppercaseLetter]),
        ("Mc", [UnicodeCategory.SpacingCombiningMark]), ("Me", [UnicodeCategory.EnclosingMark]), ("Mn", [UnicodeCategory.NonSpacingMark]),
        ("Nd", [UnicodeCategory.DecimalDigitNumber]), ("Nl", [UnicodeCategory.LetterNumber]), ("No", [UnicodeCategory.OtherNumber]),
        ("Pc", [UnicodeCategory.ConnectorPunctuation]), ("Pd", [UnicodeCategory.DashPunctuation]), ("Pe", [UnicodeCategory.ClosePunctuation]),
        ("Pf", [UnicodeCategory.FinalQuotePunctuation]), ("Pi", [UnicodeCategory.InitialQuotePunctuation]), ("Po", [UnicodeCategory.OtherPunctuation]),
        ("Ps", [UnicodeCategory.OpenPunctuation]), ("Sc", [UnicodeCategory.CurrencySymbol]), ("Sk", [UnicodeCategory.ModifierSymbol]),
        ("Sm", [UnicodeCategory.MathSymbol]), ("So", [UnicodeCategory.OtherSymbol]), ("Zl", [UnicodeCategory.LineSeparator]),
        ("Zp", [UnicodeCategory.ParagraphSeparator]), ("Zs", [UnicodeCategory.SpaceSeparator]),
    ];

    private static readonly Lazy<Dictionary<string, CodePointSet>> Categories = new(BuildCategories);

    private readonly (int First, int Last)[] _ranges;

    private CodePointSet((int First, int Last)[] ranges) => _ranges = ranges;

    /// <summary>The ranges, sorted.</summary>
    public IReadOnlyList<(int First, int Last)> Ranges => _ranges;

    /// <summary>The set of the given ranges (in any order, overlapping or not).</summary>
    public static CodePointSet Of(IEnumerable<(int First, int Last)> ranges)
    {
        var sorted = ranges.Where(r => r.First <= r.Last).OrderBy(r => r.First).ToList();
        var merged = new List<(int First, int Last)>(sorted.Count);
        foreach (var (first, last) in sorted)
        {
            if (merged.Count > 0 && first <= merged[^1].Last + 1)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, last));
            }
            else
            {
                merged.Add((first, last));
            }
        }

        return new([.. merged]);
    }

    /// <summary>
    /// The set RE2 names <paramref name="name"/> in <c>\p{name}</c>: <c>Any</c>, a general category (<c>L</c>,
    /// <c>Lu</c>, <c>Nd</c>...) or a script (<c>Greek</c>, <c>Han</c>, <c>Hiragana</c>...); null when RE2 has no
    /// such class.
    /// </summary>
    public static CodePointSet? Named(string name)
    {
        if (name == "Any")
        {
            return Of([(0, MaxCodePoint)]);
        }

        if (Categories.Value.TryGetValue(name, out var category))
        {
            return category;
        }

        return UnicodeScripts.Ranges(name) is { } ranges ? Parse(ranges) : null;
    }

    /// <summary>The code points not in this set.</summary>
    public CodePointSet Complement()
    {
        var result = new List<(int First, int Last)>(_ranges.Length + 1);
        var next = 0;
        foreach (var (first, last) in _ranges)
        {
            if (first > next)
            {
                result.Add((next, first - 1));
            }

            next = last + 1;
        }

        if (next <= MaxCodePoint)
        {
            result.Add((next, MaxCodePoint));
        }

        return new([.. result]);
    }

    /// <summary>Whether <paramref name="codePoint"/> is in the set.</summary>
    public bool Contains(int codePoint)
    {
        int low = 0, high = _ranges.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (codePoint < _ranges[middle].First)
            {
                high = middle - 1;
            }
            else if (codePoint > _ranges[middle].Last)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A .NET pattern matching exactly one code point of the set, in a UTF-16 string: <c>(?:[...]|\uD800[\uDC00-\uDFFF]...)</c>.
    /// Lone surrogates are left out (CEL strings are valid Unicode). An empty set matches nothing.
    /// </summary>
    public string ToPattern()
    {
        var bmp = new StringBuilder();
        var pairs = new List<string>();
        foreach (var (first, last) in _ranges)
        {
            AddBmp(bmp, first, Math.Min(last, 0xFFFF));
            if (last >= 0x10000)
            {
                AddSupplementary(pairs, Math.Max(first, 0x10000), last);
            }
        }

        var parts = new List<string>(pairs.Count + 1);
        if (bmp.Length > 0)
        {
            parts.Add("[" + bmp + "]");
        }

        parts.AddRange(pairs);
        return parts.Count switch
        {
            0 => "[^\\s\\S]",
            1 when pairs.Count == 0 => parts[0],
            _ => "(?:" + string.Join('|', parts) + ")",
        };
    }

    private static void AddBmp(StringBuilder bmp, int first, int last)
    {
        // Surrogates are not code points of valid text: skip U+D800-U+DFFF.
        foreach (var (from, to) in new[] { (first, Math.Min(last, 0xD7FF)), (Math.Max(first, 0xE000), last) })
        {
            if (from <= to)
            {
                bmp.Append(Unit(from));
                if (to > from)
                {
                    bmp.Append('-').Append(Unit(to));
                }
            }
        }
    }

    private static void AddSupplementary(List<string> pairs, int first, int last)
    {
        var (highFirst, lowFirst) = Surrogates(first);
        var (highLast, lowLast) = Surrogates(last);
        if (highFirst == highLast)
        {
            pairs.Add(Unit(highFirst) + LowRange(lowFirst, lowLast));
            return;
        }

        pairs.Add(Unit(highFirst) + LowRange(lowFirst, 0xDFFF));
        if (highLast - highFirst > 1)
        {
            var highs = highLast - highFirst == 2 ? Unit(highFirst + 1) : "[" + Unit(highFirst + 1) + "-" + Unit(highLast - 1) + "]";
            pairs.Add(highs + LowRange(0xDC00, 0xDFFF));
        }

        pairs.Add(Unit(highLast) + LowRange(0xDC00, lowLast));
    }

    private static string LowRange(int first, int last) => first == last ? Unit(first) : "[" + Unit(first) + "-" + Unit(last) + "]";

    private static (int High, int Low) Surrogates(int codePoint)
    {
        var offset = codePoint - 0x10000;
        return (0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF));
    }

    private static string Unit(int value) => "\\u" + value.ToString("X4", CultureInfo.InvariantCulture);

    private static CodePointSet Parse(string ranges) =>
        Of(ranges.Split(' ').Select(range =>
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            return (
                int.Parse(range.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                int.Parse(range.AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }));

    // RE2's general categories: the two-letter ones, and each one-letter group as the union of its members
    // (C without Cn, as in RE2). Built once from .NET's Unicode data, which knows every code point.
    private static Dictionary<string, CodePointSet> BuildCategories()
    {
        var ranges = new Dictionary<UnicodeCategory, List<(int First, int Last)>>();
        var start = 0;
        var current = CharUnicodeInfo.GetUnicodeCategory(0);
        for (var codePoint = 1; codePoint <= MaxCodePoint + 1; codePoint++)
        {
            var category = codePoint <= MaxCodePoint ? CharUnicodeInfo.GetUnicodeCategory(codePoint) : (UnicodeCategory)(-1);
            if (category != current)
            {
                if (!ranges.TryGetValue(current, out var list))
                {
                    ranges[current] = list = [];
                }

                list.Add((start, codePoint - 1));
                (start, current) = (codePoint, category);
            }
        }

        var result = new Dictionary<string, CodePointSet>(StringComparer.Ordinal);
        foreach (var (name, members) in CategoryNames)
        {
            result[name] = Of(members.SelectMany(c => ranges.TryGetValue(c, out var list) ? list : []));
        }

        foreach (var group in new[] { "C", "L", "M", "N", "P", "S", "Z" })
        {
            result[group] = Of(CategoryNames.Where(c => c.Name.Length == 2 && c.Name[0] == group[0]).SelectMany(c => result[c.Name].Ranges));
        }

        return result;
    }
}
