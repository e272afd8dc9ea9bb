using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// What a funnel step written in CEL can see: the fields of one <see cref="FunnelEvent"/> as top-level variables,
/// declared into the CEL engine here as the member schema declares a member's facts for segments.
/// </summary>
internal static class FunnelEventSchema
{
    public const string Kind = "kind";
    public const string At = "at";
    public const string Channel = "channel";
    public const string Store = "store";
    public const string Amount = "amount";
    public const string Campaign = "campaign";
    public const string Target = "target";

    /// <summary>The environment funnel steps are checked against, with the default limits.</summary>
    public static CelEnvironment Environment { get; } = CelEnvironment.Create(CelLimits.Default)
        .WithVariable(Kind, CelType.String)
        .WithVariable(At, CelType.Timestamp)
        .WithVariable(Channel, CelType.String)
        .WithVariable(Store, CelType.String)
        .WithVariable(Amount, CelType.Double)
        .WithVariable(Campaign, CelType.String)
        .WithVariable(Target, CelType.String);

    /// <summary>One event's fields as CEL values, built on first use.</summary>
    public sealed class EventActivation(FunnelEvent e) : IActivation
    {
        public bool TryResolve(string name, out object value)
        {
            value = name switch
            {
                Kind => e.Kind,
                At => CelValueConverter.FromClr(e.At),
                Channel => e.Channel,
                Store => e.Store,
                Amount => (double)e.Amount,
                Campaign => e.Campaign,
                Target => e.Target,
                _ => null!,
            };
            return value is not null;
        }
    }
}
