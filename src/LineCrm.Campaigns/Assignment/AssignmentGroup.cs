namespace LineCrm.Campaigns.Assignment;

/// <summary>Where a person of a campaign's segment stands.</summary>
public enum AssignmentGroup
{
    /// <summary>In the global control group: never messaged by any campaign.</summary>
    GlobalControl,

    /// <summary>In the campaign's holdout: not messaged, measured as the comparison.</summary>
    Holdout,

    /// <summary>Messaged, with the variant of <see cref="PersonAssignment.Variant"/>.</summary>
    Treatment,
}
