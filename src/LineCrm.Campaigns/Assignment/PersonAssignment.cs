namespace LineCrm.Campaigns.Assignment;

/// <summary>A person's place in one campaign.</summary>
/// <param name="Group">Global control, holdout or treatment.</param>
/// <param name="Variant">
/// The variant index: the one sent for <see cref="AssignmentGroup.Treatment"/>, the one that would have been sent for
/// <see cref="AssignmentGroup.Holdout"/> (so each variant can be measured against its own share of the holdout),
/// and -1 for <see cref="AssignmentGroup.GlobalControl"/>.
/// </param>
public readonly record struct PersonAssignment(AssignmentGroup Group, int Variant)
{
    /// <summary>Whether the person is messaged.</summary>
    public bool IsMessaged => Group == AssignmentGroup.Treatment;
}
