using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Compute;

/// <summary>Inputs large enough that the calls split their work across cores (262,144 rows and more), made once.</summary>
internal static class LargeInputs
{
    public const int Rows = 300_000;
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<MemberTable> LazyMembers = new(() =>
    {
        var table = new MemberTable();
        for (var i = 0; i < Rows; i++)
        {
            var who = Identifier.WebMember("m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.Append(new Interaction(who, Now.AddHours(-(i % 20_000)), InteractionKind.Clicked));
        }

        return table;
    });

    private static readonly Lazy<(FriendTable Friends, OrderTable Orders)> LazyTables = new(() =>
    {
        const int persons = 80_000;
        var random = new Random(17);
        var orders = new OrderTableBuilder();
        for (var i = 0; i < Rows; i++)
        {
            var amount = random.Next(10) == 0 ? -random.Next(1, 50) * 100m : random.Next(1, 500) * 100m;
            orders.Add(random.Next(persons), Now.AddHours(-random.Next(2 * 365 * 24)), amount, store: random.Next(3) == 0 ? "shibuya" : "umeda");
        }

        var friends = new FriendTableBuilder();
        for (var p = 0; p < persons; p += 2)
        {
            friends.AddFriend(p, Now.AddDays(-random.Next(700)), store: p % 3 == 0 ? "shibuya" : null);
            if (p % 4 == 0)
            {
                friends.AddLink(p, Now.AddDays(-random.Next(300)));
            }
        }

        return (friends.Build(persons), orders.Build(persons));
    });

    private static readonly Lazy<MemberTable> LazyStore = new(() =>
    {
        var random = new Random(23);
        var table = new MemberTable();
        for (var i = 0; i < Rows; i++)
        {
            var who = Identifier.WebMember("m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.Append(new Interaction(who, Now.AddDays(-random.Next(700)), InteractionKind.FriendAdded) { Target = i % 3 == 0 ? "shibuya" : null });
            table.Append(new Purchase("o", who, Now.AddHours(-random.Next(2 * 365 * 24)), random.Next(-5, 500) * 100m, "JPY", PurchaseChannel.Store));
        }

        return table;
    });

    /// <summary>300,000 persons, person i clicked i % 20,000 hours before <see cref="Now"/>.</summary>
    public static MemberTable Members => LazyMembers.Value;

    /// <summary>80,000 persons, half of them friends; 300,000 orders, one in ten a refund.</summary>
    public static FriendTable Friends => LazyTables.Value.Friends;

    /// <inheritdoc cref="Friends"/>
    public static OrderTable Orders => LazyTables.Value.Orders;

    /// <summary>300,000 persons, each a friend with one purchase, some of them refunds.</summary>
    public static MemberTable Store => LazyStore.Value;
}
