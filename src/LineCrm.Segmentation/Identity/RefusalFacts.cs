using System.Globalization;
using System.Text;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// What a refusal's sentence needs beyond its identifiers: the limit, the totals and the person numbers and sizes as
/// they were when the rule refused. Kept as numbers so that an audit log of many refusals costs little until it is
/// read (<see cref="IdentityRefusal.Reason"/>).
/// </summary>
internal readonly struct RefusalFacts
{
    private readonly Shape _shape;
    private readonly IdentifierType _type;
    private readonly string? _pattern;
    private readonly int _limit;
    private readonly long _total;
    private readonly int _personA;
    private readonly int _countA;
    private readonly int _personB;
    private readonly int _countB;

    private RefusalFacts(Shape shape, IdentifierType type = default, string? pattern = null, int limit = 0, long total = 0, int personA = 0, int countA = 0, int personB = 0, int countB = 0)
    {
        _shape = shape;
        _type = type;
        _pattern = pattern;
        _limit = limit;
        _total = total;
        _personA = personA;
        _countA = countA;
        _personB = personB;
        _countB = countB;
    }

    private enum Shape : byte
    {
        None,
        BlockedList,
        BlockedPattern,
        OverLimit,
        TwoNewOfOneType,
        TooLarge,
    }

    /// <summary>The identifier (the only one) is blocked: by the list when <paramref name="pattern"/> is null, else by that pattern.</summary>
    public static RefusalFacts Blocked(string? pattern) => new(pattern is null ? Shape.BlockedList : Shape.BlockedPattern, pattern: pattern);

    /// <summary>
    /// Joining would make <paramref name="together"/> identifiers of <paramref name="type"/>: person A holds the first
    /// <paramref name="countA"/> identifiers, person B (0 when the link adds a new identifier instead) the next
    /// <paramref name="countB"/>, and the new identifier, if any, comes last.
    /// </summary>
    public static RefusalFacts OverLimit(IdentifierType type, int limit, int together, int personA, int countA, int personB, int countB)
        => new(Shape.OverLimit, type, limit: limit, total: together, personA: personA, countA: countA, personB: personB, countB: countB);

    /// <summary>Both identifiers are new, of one type, and a person may have only one of it.</summary>
    public static RefusalFacts TwoNewOfOneType(IdentifierType type, int limit) => new(Shape.TwoNewOfOneType, type, limit: limit);

    /// <summary>
    /// The hub guard: the link (its two ends are the identifiers) would join person A (and B, 0 for a new identifier)
    /// into <paramref name="size"/> identifiers.
    /// </summary>
    public static RefusalFacts TooLarge(int limit, long size, int personA, int sizeA, int personB, int sizeB)
        => new(Shape.TooLarge, limit: limit, total: size, personA: personA, countA: sizeA, personB: personB, countB: sizeB);

    /// <summary>The sentence, naming the rule, the limit and the values.</summary>
    public string Format(IReadOnlyList<Identifier> identifiers)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (_shape)
        {
            case Shape.BlockedList:
                return string.Create(invariant, $"BlockedValue: {identifiers[0].Type} identifier refused: the value '{identifiers[0].Value}' is on the blocked list.");
            case Shape.BlockedPattern:
                return string.Create(invariant, $"BlockedValue: {identifiers[0].Type} identifier refused: the value '{Shorten(identifiers[0].Value)}' matches the blocked pattern '{_pattern}'.");
            case Shape.TwoNewOfOneType:
                return string.Create(invariant, $"MaxPerPerson: a person may have at most {_limit} {_type} identifier(s); the link joins two: {identifiers[0]}, {identifiers[1]}.");
            case Shape.TooLarge:
                var persons = _personB == 0
                    ? string.Create(invariant, $"P{_personA} ({_countA} identifiers)")
                    : string.Create(invariant, $"P{_personA} ({_countA} identifiers) and P{_personB} ({_countB} identifiers)");
                return string.Create(invariant, $"MaxPersonSize: a person may have at most {_limit} identifiers and the link {identifiers[0]} - {identifiers[1]} would join {persons} into {_total}.");
            case Shape.OverLimit:
                return string.Create(invariant, $"MaxPerPerson: a person may have at most {_limit} {_type} identifier(s) and the link would make {_total} ({Sides(identifiers)}).");
            default:
                throw new InvalidOperationException("A refusal was recorded without its facts.");
        }
    }

    // "P1 has a, b; P2 has c" or "P1 has a; the link adds c".
    private string Sides(IReadOnlyList<Identifier> identifiers)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"P{_personA} has ");
        Join(text, identifiers, 0, _countA);
        if (_personB != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; P{_personB} has ");
            Join(text, identifiers, _countA, _countB);
        }
        else
        {
            text.Append("; the link adds ").Append(identifiers[_countA]);
        }

        return text.ToString();
    }

    private static void Join(StringBuilder text, IReadOnlyList<Identifier> identifiers, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            text.Append(i > start ? ", " : string.Empty).Append(identifiers[i]);
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
}
