using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.Memberships;

/// <summary>The membership operations: reads, safe to retry.</summary>
internal static class MembershipOperations
{
    public static readonly LineOperationInfo Subscription = new("getMembershipSubscription", HttpMethod.Get);
    public static readonly LineOperationInfo List = new("getMembershipList", HttpMethod.Get);
    public static readonly LineOperationInfo JoinedUsers = new("getJoinedMembershipUsers", HttpMethod.Get);
}
