using LineCrm.Segmentation.Metrics;
using static LineCrm.Segmentation.Tests.Metrics.Orders;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class LineFriendActivityTests
{
    [Fact]
    public void Counts_blocked_friends_by_their_latest_block_change_and_clicks_within_the_window()
    {
        var friends = new FriendTableBuilder()
            .AddFriend(0, At("2026-01-01T00:00Z")).AddBlockChange(0, At("2026-02-01T00:00Z"), blocked: true)
            .AddFriend(1, At("2026-01-01T00:00Z")).AddBlockChange(1, At("2026-02-01T00:00Z"), blocked: true)
            .AddBlockChange(1, At("2026-02-05T00:00Z"), blocked: false) // unblocked again
            .AddFriend(2, At("2026-01-01T00:00Z")).AddClick(2, At("2026-03-02T00:00:01Z")) // 29 days and a bit before
            .AddFriend(3, At("2026-01-01T00:00Z")).AddClick(3, At("2026-03-01T00:00Z")) // exactly 30 days before: outside
            .AddClick(4, At("2026-03-30T00:00Z")) // clicked but never a friend
            .Build();

        var activity = LineFriendActivity.Compute(friends, At("2026-03-31T00:00Z"), clickWindowDays: 30);

        Assert.Equal(4, activity.Friends);
        Assert.Equal(1, activity.Blocked);
        Assert.Equal(1, activity.ClickActive);
        Assert.Equal(0.25, activity.BlockedRate);
        Assert.Equal(0.25, activity.ClickActiveRate);
    }

    [Fact]
    public void Events_out_of_order_keep_the_latest_block_state()
    {
        var friends = new FriendTableBuilder()
            .AddFriend(0, At("2026-01-01T00:00Z"))
            .AddBlockChange(0, At("2026-02-05T00:00Z"), blocked: false)
            .AddBlockChange(0, At("2026-02-01T00:00Z"), blocked: true)
            .Build();

        Assert.Equal(0, LineFriendActivity.Compute(friends, At("2026-03-01T00:00Z"), 30).Blocked);
    }

    [Fact]
    public void Refuses_an_instant_before_the_latest_event_since_only_latest_states_are_kept()
    {
        var friends = new FriendTableBuilder().AddFriend(0, At("2026-01-01T00:00Z")).AddClick(0, At("2026-02-01T00:00Z")).Build();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LineFriendActivity.Compute(friends, At("2026-01-15T00:00Z"), 30));
        Assert.Contains("latest event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_friends_give_undefined_rates()
    {
        var activity = LineFriendActivity.Compute(new FriendTableBuilder().Build(), At("2026-01-01T00:00Z"), 30);

        Assert.Null(activity.BlockedRate);
        Assert.Null(activity.ClickActiveRate);
    }
}
