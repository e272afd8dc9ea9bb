using System.Globalization;
using LineCrm.Identity;

namespace LineCrm.Campaigns.Assignment;

/// <summary>
/// How a campaign's messaged persons split between its A/B variants. A person's point, the hash of
/// <c>variant:&lt;campaign&gt;:&lt;person&gt;</c> (docs/campaigns.md), falls into one of the consecutive ranges
/// [0, w0), [w0, w0 + w1), ... of the weights in order; the inputs differ from the holdout's, so a person's
/// variant is independent of whether they are held out.
/// </summary>
public sealed class VariantSplit
{
    /// <summary>How far the weights' sum may be from 1 (100%): room for decimal fractions such as 1/3 written out.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>The purpose part of the hash input.</summary>
    internal const string Purpose = "variant";

    private readonly StableHash _hash;
    private readonly double[] _upperBounds;

    /// <summary>Makes the split of a campaign.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="weights">One weight per variant, each a fraction above 0, summing to 1 (100%): <c>[0.5, 0.5]</c> for an even A/B test.</param>
    /// <exception cref="ArgumentException">
    /// The campaign is <c>default(CampaignId)</c>, there is no weight, a weight is not above 0, or the weights do not sum to 100%.
    /// </exception>
    public VariantSplit(CampaignId campaign, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (campaign.IsDefault)
        {
            throw new ArgumentException("default(CampaignId) is no campaign.", nameof(campaign));
        }

        if (weights.Count == 0)
        {
            throw new ArgumentException($"Campaign '{campaign}' needs at least one variant weight.", nameof(weights));
        }

        var bounds = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (!(weights[i] > 0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentException(
                    $"Campaign '{campaign}': variant weight {i} is {Describe(weights[i])}; every weight is a fraction above 0.", nameof(weights));
            }

            sum += weights[i];
            bounds[i] = sum;
        }

        if (Math.Abs(sum - 1.0) > SumTolerance)
        {
            throw new ArgumentException(
                $"Campaign '{campaign}': the variant weights {string.Join(" + ", weights.Select(Describe))} sum to {Describe(sum)}, not 100%.",
                nameof(weights));
        }

        Campaign = campaign;
        Weights = [.. weights];
        _upperBounds = bounds;
        _hash = new StableHash(Purpose, campaign.Value);
    }

    /// <summary>The campaign.</summary>
    public CampaignId Campaign { get; }

    /// <summary>The weights, in variant order.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The index of the person's variant in <see cref="Weights"/>.</summary>
    public int VariantOf(PersonId person)
    {
        var point = _hash.Unit(GlobalControlGroup.CheckPerson(person));
        for (var i = 0; i < _upperBounds.Length - 1; i++)
        {
            if (point < _upperBounds[i])
            {
                return i;
            }
        }

        // The last range also takes the points that rounding of the sum (or of the point, up to 1.0) leaves over.
        return _upperBounds.Length - 1;
    }

    private static string Describe(double weight) => (weight * 100).ToString("0.##########", CultureInfo.InvariantCulture) + "%";
}
