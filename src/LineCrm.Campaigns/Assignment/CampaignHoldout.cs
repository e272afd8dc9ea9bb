using LineCrm.Identity;

namespace LineCrm.Campaigns.Assignment;

/// <summary>
/// A campaign's holdout: the share of its eligible persons who are not messaged, so that the campaign's effect can
/// be measured against them. A person is held out when their point, the hash of
/// <c>holdout:&lt;campaign&gt;:&lt;person&gt;</c> (docs/campaigns.md), is below the share: a rerun of the
/// campaign holds out the same persons, and the inputs differ from the global control group's, so the two are
/// independent.
/// </summary>
public sealed class CampaignHoldout
{
    /// <summary>The share used when none is given: 10%.</summary>
    public const double DefaultShare = 0.10;

    /// <summary>The largest share accepted: 50%.</summary>
    public const double MaxShare = 0.50;

    /// <summary>The purpose part of the hash input.</summary>
    internal const string Purpose = "holdout";

    private readonly StableHash _hash;

    /// <summary>Makes the holdout of a campaign.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="share">The share held out, as a fraction from 0 (no holdout) to <see cref="MaxShare"/>.</param>
    /// <exception cref="ArgumentException">The campaign is <c>default(CampaignId)</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside 0 to 50% (or not a number).</exception>
    public CampaignHoldout(CampaignId campaign, double share = DefaultShare)
    {
        if (campaign.IsDefault)
        {
            throw new ArgumentException("default(CampaignId) is no campaign.", nameof(campaign));
        }

        if (!(share >= 0 && share <= MaxShare))
        {
            throw new ArgumentOutOfRangeException(
                nameof(share), share,
                $"A campaign's holdout share is a fraction from 0 to {MaxShare} (50%), for example 0.1 for 10%; got {share}.");
        }

        Campaign = campaign;
        Share = share;
        _hash = new StableHash(Purpose, campaign.Value);
    }

    /// <summary>The campaign.</summary>
    public CampaignId Campaign { get; }

    /// <summary>The share held out, as a fraction.</summary>
    public double Share { get; }

    /// <summary>Whether the person is held out of the campaign.</summary>
    public bool Contains(PersonId person) => _hash.Unit(GlobalControlGroup.CheckPerson(person)) < Share;
}
