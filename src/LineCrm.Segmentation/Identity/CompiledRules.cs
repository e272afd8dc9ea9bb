using System.Text.RegularExpressions;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// <see cref="IdentityRules"/> checked once and turned into what the hot path needs: a count slot per limited
/// type (in priority order, so the first broken limit found is the one of highest priority), hash sets and
/// compiled patterns for blocked values, and type ranks.
/// </summary>
internal sealed class CompiledRules
{
    private readonly Dictionary<IdentifierType, CompiledTypeRule> _types;
    private readonly CompiledTypeRule _otherTypes;
    private readonly Dictionary<IdentifierType, int> _ranks;

    private CompiledRules(
        Dictionary<IdentifierType, CompiledTypeRule> types,
        CompiledTypeRule otherTypes,
        Dictionary<IdentifierType, int> ranks,
        int[] limits,
        IdentifierType[] limitedTypes,
        int maxPersonSize)
    {
        _types = types;
        _otherTypes = otherTypes;
        _ranks = ranks;
        Limits = limits;
        LimitedTypes = limitedTypes;
        MaxPersonSize = maxPersonSize;
    }

    /// <summary>The limit of each count slot.</summary>
    public int[] Limits { get; }

    /// <summary>The type of each count slot.</summary>
    public IdentifierType[] LimitedTypes { get; }

    /// <summary>The number of count slots kept per person.</summary>
    public int SlotCount => Limits.Length;

    /// <summary>The hub guard; <see cref="int.MaxValue"/> when there is none.</summary>
    public int MaxPersonSize { get; }

    /// <summary>The rank of types not in the priority list.</summary>
    public int UnlistedRank => _ranks.Count;

    public static CompiledRules Compile(IdentityRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Types is null || rules.OtherTypes is null || rules.Priority is null)
        {
            throw new ArgumentException("IdentityRules.Types, OtherTypes and Priority must not be null.", nameof(rules));
        }

        if (rules.MaxPersonSize is < 2)
        {
            throw new ArgumentException($"IdentityRules.MaxPersonSize is {rules.MaxPersonSize}; it must be at least 2 (or null for no hub guard).", nameof(rules));
        }

        var ranks = new Dictionary<IdentifierType, int>();
        foreach (var type in rules.Priority)
        {
            RequireType(type, "IdentityRules.Priority");
            if (!ranks.TryAdd(type, ranks.Count))
            {
                throw new ArgumentException($"IdentityRules.Priority lists '{type}' twice.", nameof(rules));
            }
        }

        var types = new Dictionary<IdentifierType, CompiledTypeRule>();
        var limited = new List<(IdentifierType Type, int Max)>();
        foreach (var (type, rule) in rules.Types)
        {
            RequireType(type, "IdentityRules.Types");
            var name = $"IdentityRules.Types[{type}]";
            types[type] = CompiledTypeRule.Compile(rule, name, limitSlot: -1);
            if (rule.MaxPerPerson is { } max)
            {
                if (max is < 1 or > IdentityRules.MaxPerPersonLimit)
                {
                    throw new ArgumentException($"{name}.MaxPerPerson is {max}; it must be 1 to {IdentityRules.MaxPerPersonLimit} (or null for no limit).", nameof(rules));
                }

                limited.Add((type, max));
            }
        }

        if (rules.OtherTypes.MaxPerPerson is not null)
        {
            throw new ArgumentException("IdentityRules.OtherTypes.MaxPerPerson must be null: list a type in IdentityRules.Types to limit how many of it a person may have.", nameof(rules));
        }

        // Count slots in priority order, so limit checks meet the most important type first.
        var rankOf = (IdentifierType t) => ranks.TryGetValue(t, out var r) ? r : ranks.Count;
        limited.Sort((x, y) => rankOf(x.Type) != rankOf(y.Type)
            ? rankOf(x.Type).CompareTo(rankOf(y.Type))
            : string.CompareOrdinal(x.Type.Name, y.Type.Name));
        for (var slot = 0; slot < limited.Count; slot++)
        {
            types[limited[slot].Type] = types[limited[slot].Type] with { LimitSlot = slot };
        }

        return new CompiledRules(
            types,
            CompiledTypeRule.Compile(rules.OtherTypes, "IdentityRules.OtherTypes", limitSlot: -1),
            ranks,
            [.. limited.Select(l => l.Max)],
            [.. limited.Select(l => l.Type)],
            rules.MaxPersonSize ?? int.MaxValue);
    }

    public CompiledTypeRule RuleOf(IdentifierType type) => _types.TryGetValue(type, out var rule) ? rule : _otherTypes;

    public int RankOf(IdentifierType type) => _ranks.TryGetValue(type, out var rank) ? rank : _ranks.Count;

    private static void RequireType(IdentifierType type, string where)
    {
        if (type.IsDefault)
        {
            throw new ArgumentException($"{where} contains default(IdentifierType), which names no type.", nameof(type));
        }
    }
}

/// <summary>The compiled rule of one identifier type.</summary>
/// <param name="LimitSlot">The count slot of a limited type, or -1.</param>
/// <param name="Blocked">Blocked values (ordinal, ignoring case).</param>
/// <param name="Patterns">Blocked patterns, anchored to the whole value.</param>
/// <param name="PatternTexts">The patterns as the rules wrote them, for audit messages.</param>
internal sealed record CompiledTypeRule(int LimitSlot, HashSet<string> Blocked, Regex[] Patterns, string[] PatternTexts)
{
    // Non-backtracking: user-supplied patterns run on every new identifier and must not be able to hang the graph.
    private const RegexOptions PatternOptions = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>The code of a value that is not blocked (<see cref="BlockedBy"/>).</summary>
    public const int NotBlocked = -1;

    public static CompiledTypeRule Compile(IdentifierTypeRule rule, string name, int limitSlot)
    {
        if (rule is null || rule.BlockedValues is null || rule.BlockedPatterns is null)
        {
            throw new ArgumentException($"{name} and its BlockedValues and BlockedPatterns must not be null.");
        }

        var blocked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in rule.BlockedValues)
        {
            blocked.Add(value ?? throw new ArgumentException($"{name}.BlockedValues contains null."));
        }

        var patterns = new Regex[rule.BlockedPatterns.Count];
        var texts = new string[patterns.Length];
        for (var i = 0; i < patterns.Length; i++)
        {
            var pattern = rule.BlockedPatterns[i] ?? throw new ArgumentException($"{name}.BlockedPatterns[{i}] is null.");
            try
            {
                patterns[i] = new Regex($"^(?:{pattern})$", PatternOptions);
                texts[i] = pattern;
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{name}.BlockedPatterns[{i}] '{pattern}' is not a valid regular expression: {e.Message}", e);
            }
        }

        return new CompiledTypeRule(limitSlot, blocked, patterns, texts);
    }

    /// <summary>
    /// A copy with patterns of its own, for one thread of a parallel check: a <see cref="Regex"/> caches one matcher,
    /// and callers that find it busy each make a new one.
    /// </summary>
    public CompiledTypeRule ForOneThread()
        => Patterns.Length == 0 ? this : this with { Patterns = [.. Patterns.Select(p => new Regex(p.ToString(), p.Options))] };

    /// <summary>Whether any value is blocked at all; when not, a batch skips the check.</summary>
    public bool BlocksAnything => Blocked.Count > 0 || Patterns.Length > 0;

    /// <summary>Whether a value is blocked: <see cref="NotBlocked"/>, 0 for the blocked list, or 1 + the index of the pattern it matches.</summary>
    public int BlockedBy(string value)
    {
        if (Blocked.Count > 0 && Blocked.Contains(value))
        {
            return 0;
        }

        for (var i = 0; i < Patterns.Length; i++)
        {
            if (Patterns[i].IsMatch(value))
            {
                return i + 1;
            }
        }

        return NotBlocked;
    }

    /// <summary>The facts of a refusal by <see cref="BlockedBy"/>'s code (not <see cref="NotBlocked"/>).</summary>
    public RefusalFacts BlockedFacts(int code) => RefusalFacts.Blocked(code == 0 ? null : PatternTexts[code - 1]);
}
