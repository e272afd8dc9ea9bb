using System.Text.Json;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Metrics;
using LineCrm.Segmentation.Segments;
using LineCrm.Segmentation.Tests.Metrics;

namespace LineCrm.Segmentation.Tests.Compute;

/// <summary>
/// The long calls take a <see cref="ComputeOptions"/> and a cancellation token: a degree below 1 is refused, a
/// cancelled token stops them with <see cref="OperationCanceledException"/> and nothing half done, a degree of 1
/// keeps them on the calling thread, and the degree never changes a result.
/// </summary>
public sealed class CancellationAndParallelismTests
{
    private const string Recent = "lastClickAt > now - days(365)";
    private static readonly ComputeOptions One = new() { MaxDegreeOfParallelism = 1 };
    private static readonly ComputeOptions Four = new() { MaxDegreeOfParallelism = 4 };
    private static readonly MembershipFunnelOptions FunnelOptions = new(Orders.Tokyo);

    /// <summary>Each long call, with the options and token given.</summary>
    public static TheoryData<string> Calls => ["segment", "analytics", "membership funnel", "funnel", "links", "identifiers", "orders from the store", "friends from the store"];

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_token_cancelled_before_the_call_throws(string call)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Run(call, null, cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_degree_of_parallelism_below_one_is_refused_naming_the_parameter(string call)
    {
        foreach (var degree in new[] { 0, -1 })
        {
            var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Run(call, new ComputeOptions { MaxDegreeOfParallelism = degree }, TestContext.Current.CancellationToken));
            Assert.Equal(call == "membership funnel" ? "computeOptions" : "options", refused.ParamName);
            Assert.Contains(nameof(ComputeOptions.MaxDegreeOfParallelism), refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_funnel_cancelled_from_inside_by_a_callback_stops()
    {
        using var cts = new CancellationTokenSource();
        var events = Enumerable.Range(0, 100_000).Select(i => (Person: i % 5_000, At: LargeInputs.Now.AddMinutes(i))).ToList();
        var funnel = new Funnel<(int Person, DateTimeOffset At)>([new("any", _ => true)], TimeSpan.FromDays(1));
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => funnel.Compute(
            events,
            e =>
            {
                // The caller's own code cancels, while the call is reading the events.
                if (++seen == 1)
                {
                    cts.Cancel();
                }

                return e.Person;
            },
            e => e.At,
            null,
            null,
            cts.Token));
        Assert.True(seen < events.Count, "The funnel read every event after it was cancelled.");
    }

    [Fact]
    public void A_batch_of_links_cancelled_from_inside_leaves_the_graph_as_it_was()
    {
        var graph = new IdentityGraph();
        graph.AddLinks(Links(0, 1_000));
        var before = (graph.LinkCount, graph.PersonCount, graph.IdentifierCount);
        using var cts = new CancellationTokenSource();

        // The batch's enumerator (the caller's code) cancels once the batch has been read halfway.
        Assert.ThrowsAny<OperationCanceledException>(() => graph.AddLinks(CancelHalfway(Links(1_000, 200_000), cts), null, cts.Token));

        Assert.Equal(before, (graph.LinkCount, graph.PersonCount, graph.IdentifierCount));
        Assert.False(graph.Contains(Identifier.WebMember("w1000")));
        var after = graph.AddLinks(Links(1_000, 10));
        Assert.Equal(10, after.Joined);
    }

    [Fact]
    public void A_batch_of_identifiers_cancelled_from_inside_adds_nothing()
    {
        var graph = new IdentityGraph();
        graph.AddIdentifiers(Links(0, 1_000).Select(l => l.To));
        var before = (graph.PersonCount, graph.IdentifierCount);
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => graph.AddIdentifiers(CancelHalfway(Links(1_000, 200_000), cts).Select(l => l.To), null, cts.Token));

        Assert.Equal(before, (graph.PersonCount, graph.IdentifierCount));
        Assert.False(graph.Contains(Identifier.WebMember("w1000")));
        Assert.Equal(10, graph.AddIdentifiers(Links(1_000, 10).Select(l => l.To)));
    }

    [Theory]
    [InlineData("segment")]
    [InlineData("analytics")]
    [InlineData("membership funnel")]
    [InlineData("orders from the store")]
    [InlineData("friends from the store")]
    public void A_degree_of_one_runs_on_the_calling_thread_and_more_on_other_threads(string call)
    {
        var one = new RecordingScheduler();
        Run(call, One with { TaskScheduler = one }, TestContext.Current.CancellationToken);
        Assert.Equal(0, one.Queued);

        Assert.SkipWhen(Environment.ProcessorCount < 2, "Needs two cores to see work on other threads.");
        var all = new RecordingScheduler();
        Run(call, new ComputeOptions { TaskScheduler = all }, TestContext.Current.CancellationToken);
        Assert.True(all.Queued > 0, $"{call} with every core queued no work to other threads.");
    }

    [Theory]
    [InlineData("segment")]
    [InlineData("analytics")]
    [InlineData("membership funnel")]
    [InlineData("orders from the store")]
    [InlineData("friends from the store")]
    public void A_token_cancelled_when_the_work_goes_to_other_threads_stops_the_call(string call)
    {
        Assert.SkipWhen(Environment.ProcessorCount < 2, "Needs two cores: the token is cancelled when a second thread is asked for.");
        var expected = Run(call, One, TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var scheduler = new RecordingScheduler(cts.Cancel);

        Assert.ThrowsAny<OperationCanceledException>(() => Run(call, new ComputeOptions { TaskScheduler = scheduler }, cts.Token));

        // Nothing it computed is left behind: the same call afterwards gives the full answer.
        Assert.Equal(expected, Run(call, null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("segment")]
    [InlineData("analytics")]
    [InlineData("membership funnel")]
    [InlineData("orders from the store")]
    [InlineData("friends from the store")]
    public void Large_inputs_give_the_same_answer_at_every_degree_of_parallelism(string call)
    {
        var one = Run(call, One, TestContext.Current.CancellationToken);
        Assert.Equal(one, Run(call, Four, TestContext.Current.CancellationToken));
        Assert.Equal(one, Run(call, null, TestContext.Current.CancellationToken));
    }

    /// <summary>Runs a call over the large inputs and returns its result as JSON, so that results compare by value.</summary>
    private static string Run(string call, ComputeOptions? options, CancellationToken token) => call switch
    {
        "segment" => JsonSerializer.Serialize(Segment.Compile(Recent).Evaluate(LargeInputs.Members, LargeInputs.Now, options, token).Members.Select(p => p.Value)),
        "analytics" => JsonSerializer.Serialize(PurchaseAnalytics.Compute(LargeInputs.Orders, Orders.Tokyo, options, token)),
        "membership funnel" => JsonSerializer.Serialize(MembershipFunnel.Compute(LargeInputs.Friends, LargeInputs.Orders, FunnelOptions, MembershipBreakdown.Store, options, token)),
        "funnel" => JsonSerializer.Serialize(new Funnel<int>([new("any", _ => true)], TimeSpan.FromDays(1)).Compute(Enumerable.Range(0, 10), e => e, e => LargeInputs.Now, null, options, token)),
        "links" => JsonSerializer.Serialize(new IdentityGraph().AddLinks(Links(0, 10), options, token)),
        "orders from the store" => Serialized(OrderTable.FromMembers(LargeInputs.Store, null, options, token)),
        "friends from the store" => Serialized(FriendTable.FromMembers(LargeInputs.Store, options, token)),
        _ => JsonSerializer.Serialize(new IdentityGraph().AddIdentifiers(Links(0, 10).Select(l => l.From), options, token)),
    };

    private static string Serialized(OrderTable t) => JsonSerializer.Serialize(new
    {
        t.Currency,
        Persons = t.Persons.ToArray(),
        Ticks = t.UtcTicks.ToArray(),
        Amounts = t.Amounts.ToArray(),
        Stores = t.Stores.ToArray(),
        t.StoreNames,
    });

    private static string Serialized(FriendTable t) => JsonSerializer.Serialize(new
    {
        Added = t.FriendAdded.ToArray(),
        Stores = t.Stores.ToArray(),
        t.StoreNames,
        Blocked = t.Blocked.ToArray(),
        t.LatestEventUtcTicks,
    });

    private static IEnumerable<IdentityLink> Links(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new IdentityLink(
            Identifier.LineUser("U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)),
            Identifier.WebMember("w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            LargeInputs.Now,
            LinkSource.AccountLink));

    private static IEnumerable<IdentityLink> CancelHalfway(IEnumerable<IdentityLink> links, CancellationTokenSource cts)
    {
        var list = links.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (i == list.Count / 2)
            {
                cts.Cancel();
            }

            yield return list[i];
        }
    }
}
