using System.Text.Json;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>
/// The main job's campaign week on the full demo population, run once for the class: the plan's counts add up,
/// what LINE received is what was planned, once each, and each measured interval covers the uplift the simulation
/// planted (which the measurement never sees: it reads the fact store and the holdout).
/// </summary>
public sealed class CampaignWeekTests(CampaignWeekTests.WeekRun run) : IClassFixture<CampaignWeekTests.WeekRun>
{
    public sealed class WeekRun : IAsyncLifetime
    {
        public AnalysisRun Run { get; private set; } = null!;

        public JsonElement Week { get; private set; }

        public async ValueTask InitializeAsync()
        {
            Run = await AnalysisRun.StartAsync();
            Week = ReportShape.Property(Run.ReadReport(), "campaigns", JsonValueKind.Object);
        }

        public ValueTask DisposeAsync()
        {
            Run.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private IEnumerable<(string Id, JsonElement Campaign)> Campaigns =>
        run.Week.GetProperty("byCampaign").EnumerateObject().Select(p => (p.Name, p.Value));

    private static long L(JsonElement e, string name) => e.GetProperty(name).GetInt64();

    [Fact]
    public void Every_audience_member_is_in_exactly_one_group_and_the_shares_are_those_configured()
    {
        foreach (var (id, c) in Campaigns)
        {
            Assert.Equal(L(c, "audience"), L(c, "unreachable") + L(c, "control") + L(c, "holdout") + L(c, "capped") + L(c, "toSend"));
            var eligible = L(c, "audience") - L(c, "unreachable");
            Assert.InRange((double)L(c, "control") / eligible, 0.04, 0.06);
            Assert.InRange((double)L(c, "holdout") / (eligible - L(c, "control")), 0.09, 0.11);
            Assert.True(L(c, "capped") > 0, $"{id}: the earlier sends of the week cap someone");
        }

        var arrivals = run.Week.GetProperty("byCampaign").GetProperty("new-arrivals");
        Assert.True(L(arrivals, "cappedByCampaign") > 0, "winback's higher priority takes the day's one message from some");
        Assert.Equal(L(arrivals, "toSend"), L(arrivals, "deferred"));
    }

    [Fact]
    public void Line_received_every_planned_message_once_and_nothing_else()
    {
        var sent = Campaigns.Sum(c => L(c.Campaign, "sent"));
        Assert.Equal(Campaigns.Sum(c => L(c.Campaign, "toSend")), sent);
        Assert.Equal(sent, L(run.Week, "delivered"));
        Assert.Equal(L(run.Week, "paidMessages"), sent);
    }

    [Fact]
    public void Each_measured_interval_covers_the_planted_uplift_and_the_weakest_variant_is_flagged_as_below_detection()
    {
        foreach (var (id, c) in Campaigns)
        {
            foreach (var uplift in new[] { c.GetProperty("overall") }.Concat(c.GetProperty("variants").EnumerateObject().Select(v => v.Value)))
            {
                var planted = uplift.GetProperty("planted").GetDouble();
                Assert.InRange(planted, uplift.GetProperty("upliftLower").GetDouble(), uplift.GetProperty("upliftUpper").GetDouble());
            }
        }

        var plain = run.Week.GetProperty("byCampaign").GetProperty("new-arrivals").GetProperty("variants").GetProperty("plain");
        Assert.True(plain.GetProperty("holdoutTooSmall").GetBoolean());
        Assert.Contains("measured uplift", run.Run.Output, StringComparison.Ordinal);
        Assert.Contains("<h2>Campaigns: a simulated week</h2>", File.ReadAllText(run.Run.HtmlPath), StringComparison.Ordinal);
    }
}
