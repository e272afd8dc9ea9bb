using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Messaging.AspNetCore.Inbox;

namespace LineCrm.Messaging.AspNetCore.Tests.Inbox;

public sealed class RetryBackoffTests
{
    [Fact]
    public void The_wait_doubles_from_the_initial_one_and_stops_at_the_cap()
    {
        var waits = Enumerable.Range(1, 7).Select(n => RetryBackoff.After(n, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60)).TotalSeconds);

        Assert.Equal([2, 4, 8, 16, 32, 60, 60], waits);
    }

    [Property(MaxTest = 300)]
    public Property The_wait_is_min_of_initial_times_two_to_the_failures_and_the_cap()
    {
        var cases = from failures in Gen.Choose(1, 200)
                    from initialMs in Gen.Choose(1, 10_000)
                    from extraMs in Gen.Choose(0, 10_000_000)
                    select (failures, initialMs, extraMs);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var initial = TimeSpan.FromMilliseconds(c.initialMs);
            var max = initial + TimeSpan.FromMilliseconds(c.extraMs);
            var reference = Math.Min((double)initial.Ticks * Math.Pow(2, c.failures - 1), max.Ticks);
            return RetryBackoff.After(c.failures, initial, max).Ticks == (long)reference;
        });
    }
}
