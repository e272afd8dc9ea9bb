using LineCrm.Identity;

namespace LineCrm.Campaigns.Assignment;

/// <summary>
/// One campaign's assignment of a person, in the order the rules rank: the global control group first (its
/// persons are never messaged, whatever the campaign), then the campaign's holdout, then the variant. The three
/// hashes are independent, so the holdout is the same share of the persons outside the control group, and each
/// variant the same share of the holdout as of the treatment.
/// </summary>
public sealed class CampaignAssigner
{
    private readonly GlobalControlGroup? _control;
    private readonly CampaignHoldout _holdout;
    private readonly VariantSplit _variants;

    /// <summary>Makes the assigner of a campaign.</summary>
    /// <param name="control">The account's global control group; null when the account has none.</param>
    /// <param name="holdout">The campaign's holdout.</param>
    /// <param name="variants">The campaign's variant split.</param>
    /// <exception cref="ArgumentException">The holdout and the split belong to different campaigns.</exception>
    public CampaignAssigner(GlobalControlGroup? control, CampaignHoldout holdout, VariantSplit variants)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(variants);
        if (holdout.Campaign != variants.Campaign)
        {
            throw new ArgumentException(
                $"The holdout is campaign '{holdout.Campaign}''s and the variant split campaign '{variants.Campaign}''s; give one campaign's.", nameof(variants));
        }

        _control = control;
        _holdout = holdout;
        _variants = variants;
    }

    /// <summary>The campaign.</summary>
    public CampaignId Campaign => _holdout.Campaign;

    /// <summary>The person's place in the campaign.</summary>
    public PersonAssignment Assign(PersonId person)
    {
        if (_control is not null && _control.Contains(person))
        {
            return new PersonAssignment(AssignmentGroup.GlobalControl, -1);
        }

        var variant = _variants.VariantOf(person);
        return new PersonAssignment(_holdout.Contains(person) ? AssignmentGroup.Holdout : AssignmentGroup.Treatment, variant);
    }
}
