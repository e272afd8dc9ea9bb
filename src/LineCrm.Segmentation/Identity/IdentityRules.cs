using System.Collections.ObjectModel;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The rules the <see cref="IdentityGraph"/> checks on every link: per identifier type a maximum per person and
/// blocked values, a guard against hubs on the size of a person, and a priority between types.
/// </summary>
/// <remarks>
/// <see cref="Default"/> allows one LINE user id, one web member id, five store cards and five of each hash type
/// per person, blocks <c>null</c>, <c>unknown</c>, <c>-1</c> and all-zero values of every type, refuses persons of
/// more than 50 identifiers, and ranks LINE &gt; web &gt; store &gt; e-mail hash &gt; phone hash. (Empty values never
/// reach the graph: <see cref="Identifier"/> rejects them when it is made.)
/// </remarks>
public sealed record IdentityRules
{
    /// <summary>The largest <see cref="IdentifierTypeRule.MaxPerPerson"/> the graph can count.</summary>
    public const int MaxPerPersonLimit = byte.MaxValue;

    private static readonly IReadOnlyList<string> DefaultBlockedValues = ["null", "unknown", "-1"];

    // All-zero values: "0000", and a LINE id whose 32 hex digits are all zero.
    private static readonly IReadOnlyList<string> DefaultBlockedPatterns = ["0+", "U0+"];

    /// <summary>The recommended rules (see the remarks of <see cref="IdentityRules"/>).</summary>
    public static IdentityRules Default { get; } = new()
    {
        Types = new ReadOnlyDictionary<IdentifierType, IdentifierTypeRule>(new Dictionary<IdentifierType, IdentifierTypeRule>
        {
            [IdentifierType.LineUser] = Limit(1),
            [IdentifierType.WebMember] = Limit(1),
            [IdentifierType.StoreCard] = Limit(5),
            [IdentifierType.EmailSha256] = Limit(5),
            [IdentifierType.PhoneSha256] = Limit(5),
        }),
        OtherTypes = new IdentifierTypeRule { BlockedValues = DefaultBlockedValues, BlockedPatterns = DefaultBlockedPatterns },
        MaxPersonSize = 50,
        Priority = [IdentifierType.LineUser, IdentifierType.WebMember, IdentifierType.StoreCard, IdentifierType.EmailSha256, IdentifierType.PhoneSha256],
    };

    /// <summary>No rules at all: every link is accepted (plain connected components).</summary>
    public static IdentityRules None { get; } = new();

    /// <summary>The rule of each listed type. Types not listed follow <see cref="OtherTypes"/>.</summary>
    public IReadOnlyDictionary<IdentifierType, IdentifierTypeRule> Types { get; init; } =
        new ReadOnlyDictionary<IdentifierType, IdentifierTypeRule>(new Dictionary<IdentifierType, IdentifierTypeRule>());

    /// <summary>
    /// The rule of every type not in <see cref="Types"/> (custom types). It may block values but not limit counts,
    /// since unknown types have no count to keep; list a type in <see cref="Types"/> to limit it.
    /// </summary>
    public IdentifierTypeRule OtherTypes { get; init; } = new();

    /// <summary>The hub guard: the most identifiers one person may have (at least 2), or null for no guard.</summary>
    public int? MaxPersonSize { get; init; }

    /// <summary>
    /// Identifier types from the most to the least trusted; types not listed rank after all listed ones. Within one
    /// batch of links (<see cref="IdentityGraph.AddLinks(IEnumerable{Events.IdentityLink})"/>), links are applied in order of the best-ranked type they
    /// touch, then of the other type, then of time, so when two links of a batch conflict, the one of the
    /// higher-priority types is kept and the other refused. A link's refusal names the conflicting type of highest
    /// priority.
    /// </summary>
    public IReadOnlyList<IdentifierType> Priority { get; init; } = [];

    /// <summary>Checks the rules and says exactly what is wrong.</summary>
    /// <exception cref="ArgumentException">A limit is out of range, a type is default or repeated, a blocked value is null or a pattern is not a valid regular expression.</exception>
    public void Validate() => CompiledRules.Compile(this);

    private static IdentifierTypeRule Limit(int max) => new()
    {
        MaxPerPerson = max,
        BlockedValues = DefaultBlockedValues,
        BlockedPatterns = DefaultBlockedPatterns,
    };
}
