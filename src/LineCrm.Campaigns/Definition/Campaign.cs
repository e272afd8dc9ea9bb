using LineCrm.Campaigns.Assignment;
using LineCrm.Campaigns.Personalization;
using LineCrm.Campaigns.Planning;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Campaigns.Definition;

/// <summary>
/// A campaign, checked whole before anything is sent: its segment is CEL over the member schema and its conversion
/// goal CEL over one event (both compiled here, so an unknown field fails now), its variants have names, messages
/// and weights that sum to 1, and its settings are in range. A campaign that constructs is one the planner can run.
/// </summary>
public sealed class Campaign
{
    /// <summary>The most messages one variant sends together (what one LINE push or multicast carries).</summary>
    public const int MaxMessagesPerVariant = 5;

    /// <summary>Defines a campaign and checks every part of it.</summary>
    /// <param name="id">The campaign's id, kept for life (it seeds the holdout and variant hashes).</param>
    /// <param name="segment">Who the campaign is for: a CEL condition over the member facts (docs/segments.md).</param>
    /// <param name="variants">One or more message variants whose weights sum to 1.</param>
    /// <param name="conversion">
    /// What counts as a conversion: a CEL condition over one of the person's events within the conversion window
    /// after the send, in the language of funnel steps (<see cref="FunnelStep.FromCel"/>: <c>kind</c>, <c>at</c>,
    /// <c>channel</c>, <c>store</c>, <c>amount</c>, <c>campaign</c>, <c>target</c>), for example
    /// <c>kind == "purchased" &amp;&amp; amount &gt;= 3000.0</c> or <c>kind == "clicked"</c>.
    /// </param>
    /// <param name="settings">Priority, holdout share, conversion window and send time; the defaults when null.</param>
    /// <param name="schema">The fact schema the member table declares (its custom facts); the built-in facts when null.</param>
    /// <exception cref="ArgumentException">
    /// Any part is wrong; the message names the campaign and the part: a segment or goal that is not valid CEL over
    /// the schema or a goal that is not a valid event condition (the CEL error is the inner exception), no variant, a blank or repeated variant name, a variant
    /// without messages or with more than 5, a message that breaks a LINE limit or a placeholder that names no member
    /// fact or has no fallback (<see cref="MessageTemplate"/>), weights that do not sum to 1, a holdout share outside 0 to 0.5, or a
    /// conversion window that is not positive or is longer than 90 days.
    /// </exception>
    public Campaign(CampaignId id, string segment, IReadOnlyList<CampaignVariant> variants, string conversion,
        CampaignSettings? settings = null, FactSchema? schema = null)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("default(CampaignId) is no campaign.", nameof(id));
        }

        ArgumentNullException.ThrowIfNull(variants);
        Id = id;
        Settings = settings ?? new CampaignSettings();
        schema ??= FactSchema.Default;
        Segment = CompileOrExplain(segment, schema, "segment", nameof(segment));
        Conversion = CompileGoal(conversion, nameof(conversion));
        CheckVariants(variants);
        Variants = [.. variants];
        Templates = [.. variants.Select(v => Wrap(() => new MessageTemplate(v.Messages), $"Campaign '{id}': variant '{v.Name}'", nameof(variants)))];
        Split = Wrap(() => new VariantSplit(id, [.. variants.Select(v => v.Weight)]), nameof(variants));
        Holdout = Wrap(() => new CampaignHoldout(id, Settings.HoldoutShare), nameof(settings));
        var window = Settings.ConversionWindow;
        if (window <= TimeSpan.Zero || window > CampaignSettings.MaxConversionWindow)
        {
            throw new ArgumentException(
                $"Campaign '{id}': the conversion window is {window}; it must be more than zero and at most {CampaignSettings.MaxConversionWindow.TotalDays:0} days.",
                nameof(settings));
        }
    }

    /// <summary>The campaign's id.</summary>
    public CampaignId Id { get; }

    /// <summary>Who the campaign is for, compiled.</summary>
    public Segment Segment { get; }

    /// <summary>What counts as a conversion: a funnel step over one event, compiled; its name is the CEL text.</summary>
    public FunnelStep<FunnelEvent> Conversion { get; }

    /// <summary>The message variants, in the order given (a person's variant is an index into them).</summary>
    public IReadOnlyList<CampaignVariant> Variants { get; }

    /// <summary>
    /// Each variant's messages with their placeholders (<c>{{name|お客様}}</c>), in the order of <see cref="Variants"/>:
    /// what each person receives is rendered from their facts at the send.
    /// </summary>
    public IReadOnlyList<MessageTemplate> Templates { get; }

    /// <summary>The settings.</summary>
    public CampaignSettings Settings { get; }

    /// <summary>The campaign's holdout.</summary>
    public CampaignHoldout Holdout { get; }

    /// <summary>The campaign's split of messaged persons between its variants.</summary>
    public VariantSplit Split { get; }

    /// <summary>
    /// The campaign ready for the planner: its segment evaluated over <paramref name="members"/> at
    /// <paramref name="now"/>, its assignment under the account's global control group, and the send time of its run
    /// due at <paramref name="now"/> (<see cref="CampaignSchedule.OccurrenceAt"/>).
    /// </summary>
    /// <param name="members">The fact store.</param>
    /// <param name="now">The instant the segment is evaluated at (its <c>now</c>).</param>
    /// <param name="control">The account's global control group, or null when it keeps none.</param>
    /// <param name="cancellationToken">Cancels the segment's evaluation.</param>
    /// <returns>The planned campaign.</returns>
    public PlannedCampaign ToPlanned(MemberTable members, DateTimeOffset now, GlobalControlGroup? control, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        var audience = Segment.Evaluate(members, now, null, cancellationToken).Members;
        var run = Settings.Schedule.OccurrenceAt(now);
        return new PlannedCampaign(new CampaignAssigner(control, Holdout, Split), audience, Settings.Priority, run.At);
    }

    private Segment CompileOrExplain(string expression, FactSchema schema, string part, string parameter)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new ArgumentException($"Campaign '{Id}' needs a {part}.", parameter);
        }

        try
        {
            return Segment.Compile(expression, schema);
        }
        catch (CelException e)
        {
            throw new ArgumentException($"Campaign '{Id}': the {part} is not valid: {e.Message}", parameter, e);
        }
    }

    private FunnelStep<FunnelEvent> CompileGoal(string expression, string parameter)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new ArgumentException($"Campaign '{Id}' needs a conversion goal, for example kind == \"purchased\".", parameter);
        }

        try
        {
            return FunnelStep.FromCel(expression, expression);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Campaign '{Id}': the conversion goal is not valid: {e.InnerException?.Message ?? e.Message}", parameter, e.InnerException ?? e);
        }
    }

    private void CheckVariants(IReadOnlyList<CampaignVariant> variants)
    {
        if (variants.Count == 0)
        {
            throw new ArgumentException($"Campaign '{Id}' has no message: give it at least one variant.", nameof(variants));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            if (variant is null || string.IsNullOrWhiteSpace(variant.Name))
            {
                throw new ArgumentException($"Campaign '{Id}': every variant needs a name.", nameof(variants));
            }

            if (!names.Add(variant.Name))
            {
                throw new ArgumentException($"Campaign '{Id}': two variants are named '{variant.Name}'.", nameof(variants));
            }

            if (variant.Messages is null || variant.Messages.Count is 0 or > MaxMessagesPerVariant || variant.Messages.Any(m => m is null))
            {
                throw new ArgumentException(
                    $"Campaign '{Id}': variant '{variant.Name}' has {variant.Messages?.Count ?? 0} messages; a variant sends 1 to {MaxMessagesPerVariant}.", nameof(variants));
            }
        }
    }

    private static T Wrap<T>(Func<T> make, string parameter)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e) when (e.ParamName != parameter)
        {
            throw new ArgumentException(e.Message, parameter, e);
        }
    }

    private static T Wrap<T>(Func<T> make, string context, string parameter)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{context}: {e.Message}", parameter, e);
        }
    }
}
