namespace LineCrm.Campaigns;

/// <summary>
/// The id of a campaign, for example <c>spring-sale-2026</c>. It is an input of the holdout and variant hashes
/// (docs/campaigns.md), so a campaign keeps its id for life: a new id assigns different persons.
/// </summary>
public readonly record struct CampaignId
{
    /// <summary>The longest id accepted, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>Makes an id.</summary>
    /// <param name="value">1 to <see cref="MaxLength"/> characters, each an ASCII letter, digit, <c>-</c>, <c>_</c> or <c>.</c>.</param>
    /// <exception cref="ArgumentException">The id is empty, too long, or has another character.</exception>
    public CampaignId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = HashKey.Validate(value, MaxLength, "campaign id", nameof(value));
    }

    /// <summary>The id's text; null only for <c>default(CampaignId)</c>.</summary>
    public string Value { get; }

    /// <summary>True for <c>default(CampaignId)</c>, which is no campaign.</summary>
    public bool IsDefault => Value is null;

    /// <summary>The id's text.</summary>
    public override string ToString() => Value ?? string.Empty;
}
