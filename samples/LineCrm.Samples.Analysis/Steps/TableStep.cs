using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// Step 5: the columns the metrics read, taken from the member table of step 3: the same persons, numbered by the
/// table's person numbers, the same ids for stores, channels and campaigns, the same friend-state rules, and the
/// amounts exact in the input's one currency. Nothing is read from the input again.
/// </summary>
internal static class TableStep
{
    public static (OrderTable Orders, FriendTable Friends) Build(MemberTable members)
        => (OrderTable.FromMembers(members), FriendTable.FromMembers(members));
}
