namespace LineCrm.Campaigns.Measurement;

/// <summary>The price of messages, for the cost per incremental conversion.</summary>
public sealed record UpliftOptions
{
    /// <summary>What one message costs, in the account's currency; 0 when not known or free.</summary>
    public double PricePerMessage { get; init; }

    /// <summary>The messages the treatment group was sent; null for one per treatment person.</summary>
    public long? MessagesSent { get; init; }
}
