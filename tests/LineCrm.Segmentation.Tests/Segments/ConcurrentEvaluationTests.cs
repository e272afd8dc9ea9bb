using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>
/// One compiled segment evaluated by two threads over one table at two different <c>now</c>s (a nightly
/// <see cref="Segment.Evaluate(MemberTable, DateTimeOffset)"/> beside per-event <see cref="Segment.Includes"/>):
/// each must answer exactly what it answers alone.
/// </summary>
public sealed class ConcurrentEvaluationTests
{
    private const int Persons = 2_000;
    private const int Rounds = 2_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset NightlyNow = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EventNow = NightlyNow.AddDays(200);

    [Theory]
    [InlineData("lastClickAt > now - days(365)")]
    [InlineData("!blocked && purchases.exists(p, p.at > now - days(365))")]
    public async Task Evaluations_at_different_nows_at_the_same_time_do_not_read_each_others_now(string expression)
    {
        var (table, persons) = Table();
        var segment = Segment.Compile(expression);
        var nightly = segment.Evaluate(table, NightlyNow).Members.ToHashSet();
        var perEvent = persons.Select(p => segment.Includes(table, p, EventNow)).ToArray();
        Assert.NotEqual(nightly.Count, perEvent.Count(x => x));

        using var start = new Barrier(2);
        var wrongNightly = 0;
        var wrongPerEvent = 0;
        var batch = Run(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                Assert.True(start.SignalAndWait(Bound));
                if (!segment.Evaluate(table, NightlyNow).Members.ToHashSet().SetEquals(nightly))
                {
                    wrongNightly++;
                }
            }
        });
        var events = Run(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                Assert.True(start.SignalAndWait(Bound));
                for (var i = 0; i < persons.Length; i++)
                {
                    if (segment.Includes(table, persons[i], EventNow) != perEvent[i])
                    {
                        wrongPerEvent++;
                    }
                }
            }
        });

        await Task.WhenAll(batch, events).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal((0, 0), (wrongNightly, wrongPerEvent));
    }

    private static Task Run(Action body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Person i clicked and bought i/2 days before the nightly <c>now</c>: 365 days before one <c>now</c> is not 365 days before the other.</summary>
    private static (MemberTable Table, PersonId[] Persons) Table()
    {
        var table = new MemberTable();
        var persons = new PersonId[Persons];
        for (var i = 0; i < Persons; i++)
        {
            var who = Identifier.WebMember("m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var at = NightlyNow.AddDays(-i / 2.0);
            persons[i] = table.Append(new Interaction(who, at, InteractionKind.Clicked));
            table.Append(new Purchase("o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), who, at, 1000m, "JPY", PurchaseChannel.Web));
        }

        return (table, persons);
    }
}
