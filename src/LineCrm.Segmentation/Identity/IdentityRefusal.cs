using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// One entry of the audit log: a link (or a lone identifier) the graph refused, the rule that refused it and the
/// identifiers involved, so a person can read why two records were not joined.
/// </summary>
/// <remarks>
/// The graph records the facts of a refusal and writes the <see cref="Reason"/> sentence the first time it is read:
/// a bulk load can refuse hundreds of thousands of links, and their sentences would otherwise take more memory than
/// the graph itself.
/// </remarks>
public sealed record IdentityRefusal
{
    private readonly RefusalFacts _facts;
    private string? _reason;

    /// <summary>Makes an audit entry with its reason written out.</summary>
    /// <param name="Rule">The rule that refused it.</param>
    /// <param name="Reason">A sentence naming the rule, the limit and the values.</param>
    /// <param name="Link">The refused link, or null when a lone identifier was refused.</param>
    /// <param name="Identifiers">The identifiers the rule is about.</param>
    /// <param name="RefusedAt">When it was refused.</param>
#pragma warning disable IDE1006 // The names match the properties, as a positional record's would.
    public IdentityRefusal(IdentityRuleKind Rule, string Reason, IdentityLink? Link, IReadOnlyList<Identifier> Identifiers, DateTimeOffset RefusedAt)
#pragma warning restore IDE1006
    {
        this.Rule = Rule;
        this.Reason = Reason;
        this.Link = Link;
        this.Identifiers = Identifiers;
        this.RefusedAt = RefusedAt;
    }

    /// <summary>An entry whose reason is written from <paramref name="facts"/> when first read.</summary>
    internal IdentityRefusal(IdentityRuleKind rule, RefusalFacts facts, IdentityLink? link, IReadOnlyList<Identifier> identifiers, DateTimeOffset refusedAt)
    {
        Rule = rule;
        _facts = facts;
        Link = link;
        Identifiers = identifiers;
        RefusedAt = refusedAt;
    }

    /// <summary>The rule that refused it.</summary>
    public IdentityRuleKind Rule { get; init; }

    /// <summary>A sentence naming the rule, the limit and the values.</summary>
    public string Reason
    {
        // Formatting is idempotent and reads only this entry, so readers on several threads at once are safe.
        get => _reason ??= _facts.Format(Identifiers);
        init => _reason = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The refused link, or null when a lone identifier was refused (<see cref="IdentityGraph.TryAddIdentifier"/>).</summary>
    public IdentityLink? Link { get; init; }

    /// <summary>
    /// The identifiers the rule is about: the blocked identifier; the identifiers of the over-limit type on both sides
    /// (and the new one the link would add); or the two ends of the link for the hub guard.
    /// </summary>
    public IReadOnlyList<Identifier> Identifiers { get; init; }

    /// <summary>When the graph refused it (from its <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset RefusedAt { get; init; }

    /// <summary>Splits the entry into its parts.</summary>
    public void Deconstruct(out IdentityRuleKind Rule, out string Reason, out IdentityLink? Link, out IReadOnlyList<Identifier> Identifiers, out DateTimeOffset RefusedAt)
    {
        Rule = this.Rule;
        Reason = this.Reason;
        Link = this.Link;
        Identifiers = this.Identifiers;
        RefusedAt = this.RefusedAt;
    }

    /// <summary>Equal when rule, reason, link, identifiers (the same list) and time are equal, whether or not a reason has been read.</summary>
    public bool Equals(IdentityRefusal? other)
        => other is not null
            && Rule == other.Rule
            && Reason == other.Reason
            && Equals(Link, other.Link)
            && ReferenceEquals(Identifiers, other.Identifiers)
            && RefusedAt == other.RefusedAt;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rule, Reason, Link, Identifiers, RefusedAt);
}
