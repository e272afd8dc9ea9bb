using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// Whether a person can be sent a LINE push or multicast: they have a LINE user id, added the account as a friend,
/// and do not block it now (<see cref="MemberTable.LineReachOf"/>).
/// </summary>
/// <param name="LineUser">The person's LINE user id, if the table has seen one.</param>
/// <param name="IsFriend">Whether the person ever added the account as a friend.</param>
/// <param name="Blocked">Whether the person blocks the account after their latest friend-state event.</param>
public readonly record struct LineReach(Identifier? LineUser, bool IsFriend, bool Blocked)
{
    /// <summary>Whether a message to <see cref="LineUser"/> can be delivered: a LINE user id, a friend, not blocking.</summary>
    public bool IsReachable => LineUser is not null && IsFriend && !Blocked;
}
