using LineCrm.Campaigns.Definition;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// Measures a sent campaign from the fact store: for each recipient, whether a goal event happened and what they
/// bought within the conversion window from their own start (their send, or when a held-out or capped person would
/// have been sent), then every variant and the whole campaign against the holdout (<see cref="UpliftMeasurement"/>).
/// Revenue is that of the purchases the goal accepts unless <see cref="CampaignMeasureOptions.Revenue"/> says all.
/// </summary>
/// <remarks>
/// The treatment group is everyone assigned to be messaged, including those the caps then skipped: the holdout was
/// drawn before the caps, so it holds such persons too, and leaving them out of one side only would compare the
/// lightly messaged with everyone (intention to treat). Only messages that reached LINE are paid for.
/// </remarks>
public static class CampaignMeasurement
{
    /// <summary>Measures <paramref name="campaign"/> over <paramref name="members"/>.</summary>
    /// <param name="campaign">The campaign: its goal, window and variants.</param>
    /// <param name="members">The fact store, read on its writer's thread or between writes.</param>
    /// <param name="recipients">Every treated and held-out person of the send, each once.</param>
    /// <param name="now">When it is measured; before the window closes only with <see cref="CampaignMeasureOptions.AllowOpenWindow"/>.</param>
    /// <param name="options">Price, currency, early look, parallelism; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the pass over the store.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">A person is listed twice, or a variant index is not one of the campaign's.</exception>
    /// <exception cref="CampaignWindowOpenException">The window is still open and no early look was asked for.</exception>
    public static CampaignResult Measure(
        Campaign campaign,
        MemberTable members,
        IReadOnlyList<CampaignRecipient> recipients,
        DateTimeOffset now,
        CampaignMeasureOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(recipients);
        options ??= new CampaignMeasureOptions();
        Check(campaign, recipients);

        var window = campaign.Settings.ConversionWindow;
        var closesAt = recipients.Count == 0 ? now : recipients.Max(r => r.From) + window;
        var isFinal = now >= closesAt;
        if (!isFinal && !options.AllowOpenWindow)
        {
            throw new CampaignWindowOpenException(campaign.Id, closesAt, now);
        }

        var windows = new PersonWindow[recipients.Count];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = new PersonWindow(recipients[i].Person, recipients[i].From, recipients[i].From + window);
        }

        var outcomes = WindowOutcomes.Measure(members, windows, campaign.Conversion, options.Revenue, options.Currency, options.Compute, cancellationToken);
        var variants = campaign.Variants.Count;
        var treated = Groups(variants + 1);
        var heldOut = Groups(variants + 1);
        var messaged = new long[variants + 1];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var (recipient, outcome) = (recipients[i], outcomes[i]);
            var groups = recipient.Group == RecipientGroup.Treatment ? treated : heldOut;
            var revenue = (double)outcome.Revenue;
            groups[recipient.Variant].Add(outcome.Converted, revenue);
            groups[variants].Add(outcome.Converted, revenue);
            if (recipient.Messaged)
            {
                messaged[recipient.Variant]++;
                messaged[variants]++;
            }
        }

        UpliftReport? Report(int k) => treated[k].Persons == 0 || heldOut[k].Persons == 0
            ? null
            : UpliftMeasurement.Measure(treated[k].Build(), heldOut[k].Build(), new UpliftOptions { PricePerMessage = options.PricePerMessage, MessagesSent = messaged[k] });

        return new CampaignResult(
            campaign.Id,
            closesAt,
            isFinal,
            Report(variants),
            [.. Enumerable.Range(0, variants).Select(k => new VariantResult(campaign.Variants[k].Name, Report(k), treated[k].Persons, heldOut[k].Persons, messaged[k]))],
            messaged[variants]);
    }

    private static GroupOutcomeBuilder[] Groups(int count) => [.. Enumerable.Range(0, count).Select(_ => new GroupOutcomeBuilder())];

    private static void Check(Campaign campaign, IReadOnlyList<CampaignRecipient> recipients)
    {
        var seen = new HashSet<PersonId>(recipients.Count);
        foreach (var recipient in recipients)
        {
            if (recipient.Person.IsDefault)
            {
                throw new ArgumentException("A recipient names no person (default(PersonId)).", nameof(recipients));
            }

            if (!seen.Add(recipient.Person))
            {
                throw new ArgumentException($"Person {recipient.Person} is listed twice; a send reaches each person once.", nameof(recipients));
            }

            if ((uint)recipient.Variant >= (uint)campaign.Variants.Count)
            {
                throw new ArgumentException(
                    $"Person {recipient.Person} has variant {recipient.Variant}; campaign '{campaign.Id}' has variants 0 to {campaign.Variants.Count - 1}.", nameof(recipients));
            }

            if (!Enum.IsDefined(recipient.Group))
            {
                throw new ArgumentException($"Person {recipient.Person} is in group {(int)recipient.Group}, which is neither treatment nor holdout.", nameof(recipients));
            }
        }
    }
}
