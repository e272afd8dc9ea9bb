using System.Globalization;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Benchmarks.Metrics;

/// <summary>
/// The same shop as <see cref="MetricsData"/>, put into the fact store the way an application fills it: a
/// friend-added interaction (its target the recruiting store) and a link from the LINE user to a web member per
/// linked friend, then every order as a purchase event, in time order. Person p's identifiers resolve to person
/// p + 1 directly (<see cref="NumberedResolver"/>), so building it costs the store's appends, not an identity graph.
/// </summary>
internal static class MetricsStoreData
{
    public static MemberTable Build(MetricsData data)
    {
        var members = new MemberTable(new NumberedResolver());
        var friends = data.Friends;
        for (var p = 0; p < friends.PersonCount; p++)
        {
            if (friends.FriendAdded[p] == FriendTable.Never)
            {
                continue;
            }

            members.Append(new Interaction(Line(p), new DateTimeOffset(friends.FriendAdded[p], TimeSpan.Zero), InteractionKind.FriendAdded)
            {
                Target = friends.Stores[p] < 0 ? null : friends.StoreNames[friends.Stores[p]],
            });
            if (friends.Linked[p] != FriendTable.Never)
            {
                members.Append(new IdentityLink(Line(p), Web(p), new DateTimeOffset(friends.Linked[p], TimeSpan.Zero), LinkSource.AccountLink));
            }
        }

        var orders = data.Orders;
        for (var i = 0; i < orders.Count; i++)
        {
            members.Append(new Purchase("o", Web(orders.Persons[i]), new DateTimeOffset(orders.UtcTicks[i], TimeSpan.Zero), orders.Amounts[i], "JPY", PurchaseChannel.Web));
        }

        members.Compact();
        return members;
    }

    private static Identifier Line(int p) => Identifier.LineUser("U" + (p + 1).ToString("x32", CultureInfo.InvariantCulture));

    private static Identifier Web(int p) => Identifier.WebMember((p + 1).ToString(CultureInfo.InvariantCulture));
}
