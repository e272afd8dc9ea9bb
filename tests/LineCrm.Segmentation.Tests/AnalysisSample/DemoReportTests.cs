using System.Text.Json;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Samples.Analysis.Demo;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>The analysis job on a small demo population (2,000 LINE friends), run once for the class.</summary>
public sealed class DemoReportTests(DemoReportTests.DemoRun run) : IClassFixture<DemoReportTests.DemoRun>
{
    private const int Friends = 2000;

    public sealed class DemoRun : IAsyncLifetime
    {
        public AnalysisRun Run { get; private set; } = null!;

        public JsonElement Report { get; private set; }

        public async ValueTask InitializeAsync()
        {
            Run = await AnalysisRun.StartAsync("--friends", "2000");
            Report = Run.ReadReport();
        }

        public ValueTask DisposeAsync()
        {
            Run.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public void Report_json_has_every_documented_key_in_its_documented_shape_and_the_figures_agree_with_each_other()
    {
        ReportShape.CheckPurchaseFigures(run.Report);
        ReportShape.CheckFunnel(ReportShape.Property(run.Report, "funnel", JsonValueKind.Object), Friends);
        Assert.True(run.Report.GetProperty("customers").GetInt64() > 0);
        Assert.True(File.Exists(run.Run.HtmlPath));
        Assert.Contains("<h2>Segments</h2>", File.ReadAllText(run.Run.HtmlPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_have_their_documented_shape()
    {
        var segments = ReportShape.Property(run.Report, "segments", JsonValueKind.Object).EnumerateObject().ToList();

        Assert.Equal(["active-store-repeaters", "linked-never-bought", "lapsed-customers"], segments.Select(s => s.Name));
        foreach (var segment in segments)
        {
            var s = segment.Value;
            Assert.NotEmpty(ReportShape.Property(s, "description", JsonValueKind.String).GetString()!);
            Assert.NotEmpty(ReportShape.Property(s, "expression", JsonValueKind.String).GetString()!);
            var members = ReportShape.Property(s, "members", JsonValueKind.Number).GetInt32();
            var withLine = ReportShape.Property(s, "withLineUserId", JsonValueKind.Number).GetInt32();
            Assert.InRange(withLine, 0, members);
            var examples = ReportShape.Property(s, "exampleLineUserIds", JsonValueKind.Array).EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(Math.Min(3, withLine), examples.Count);
            Assert.All(examples, e => Assert.Matches("^U[0-9a-f]{32}$", e));
            Assert.Equal(JsonValueKind.Null, ReportShape.Property(s, "note", JsonValueKind.Null).ValueKind);
        }
    }

    // The segment counts against a plain LINQ reference over the same generated events: persons are the connected
    // components of the demo's links (the demo has no link the identity rules refuse), facts are read straight
    // from the events, and each segment's definition is written out in C#.
    [Fact]
    public void Segment_members_match_a_reference_computed_from_the_demo_events()
    {
        var population = DemoPopulation.Generate(Friends);
        var now = population.End;
        var persons = Components(population);
        var facts = persons.Values.Distinct().ToDictionary(p => p, _ => new Facts());
        foreach (var purchase in population.Purchases)
        {
            facts[persons[purchase.Customer]].Purchases.Add(purchase);
        }

        foreach (var interaction in population.Interactions)
        {
            facts[persons[interaction.Who]].Interactions.Add(interaction);
        }

        foreach (var (identifier, person) in persons)
        {
            facts[person].Types.Add(identifier.Type);
            if (identifier.Type == IdentifierType.LineUser)
            {
                facts[person].LineUser = identifier.Value;
            }
        }

        var expected = new Dictionary<string, HashSet<Facts>>
        {
            ["active-store-repeaters"] = [.. facts.Values.Where(f => !f.Blocked && f.LastClick > now.AddDays(-365)
                && f.Purchases.Count(p => p.At > now.AddDays(-365)) >= 2 && f.Purchases.Any(p => p.Channel == PurchaseChannel.Store))],
            ["linked-never-bought"] = [.. facts.Values.Where(f => !f.Blocked && f.Types.Contains(IdentifierType.LineUser)
                && f.Types.Contains(IdentifierType.WebMember) && f.Purchases.Count == 0)],
            ["lapsed-customers"] = [.. facts.Values.Where(f => f.Purchases.Count > 0 && f.Purchases.Max(p => p.At) < now.AddDays(-180))],
        };

        var segments = run.Report.GetProperty("segments");
        foreach (var (id, members) in expected)
        {
            var segment = segments.GetProperty(id);
            Assert.True(members.Count > 0, $"the reference finds nobody in {id}: the demo no longer exercises it");
            Assert.Equal(members.Count, segment.GetProperty("members").GetInt32());
            Assert.Equal(members.Count(f => f.LineUser is not null), segment.GetProperty("withLineUserId").GetInt32());
            var lineUsers = members.Where(f => f.LineUser is not null).Select(f => f.LineUser!).ToHashSet();
            Assert.All(segment.GetProperty("exampleLineUserIds").EnumerateArray(), e => Assert.Contains(e.GetString()!, lineUsers));
        }
    }

    [Fact]
    public async Task Two_runs_with_the_same_arguments_write_the_same_report_json_and_html()
    {
        using var again = await AnalysisRun.StartAsync("--friends", "2000");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(File.ReadAllBytes(run.Run.JsonPath), File.ReadAllBytes(again.JsonPath));
        Assert.Equal(File.ReadAllBytes(run.Run.HtmlPath), File.ReadAllBytes(again.HtmlPath));
    }

    [Fact]
    public void The_console_shows_each_segment_with_its_count_and_example_LINE_user_ids()
    {
        var segments = run.Report.GetProperty("segments");
        foreach (var segment in segments.EnumerateObject())
        {
            Assert.Contains(segment.Name, run.Run.Output, StringComparison.Ordinal);
            Assert.Contains(segment.Value.GetProperty("expression").GetString()!, run.Run.Output, StringComparison.Ordinal);
            foreach (var example in segment.Value.GetProperty("exampleLineUserIds").EnumerateArray())
            {
                Assert.Contains(example.GetString()!, run.Run.Output, StringComparison.Ordinal);
            }
        }
    }

    private static Dictionary<Identifier, int> Components(DemoPopulation population)
    {
        var parent = new Dictionary<Identifier, Identifier>();
        Identifier Find(Identifier x)
        {
            parent.TryAdd(x, x);
            while (parent[x] != x)
            {
                x = parent[x];
            }

            return x;
        }

        foreach (var who in population.Purchases.Select(p => p.Customer).Concat(population.Interactions.Select(i => i.Who)))
        {
            Find(who);
        }

        foreach (var link in population.Links)
        {
            parent[Find(link.From)] = Find(link.To);
        }

        var roots = new Dictionary<Identifier, int>();
        return parent.Keys.ToList().ToDictionary(i => i, i =>
        {
            var root = Find(i);
            if (!roots.TryGetValue(root, out var n))
            {
                n = roots.Count;
                roots.Add(root, n);
            }

            return n;
        });
    }

    private sealed class Facts
    {
        public List<Purchase> Purchases { get; } = [];

        public List<Interaction> Interactions { get; } = [];

        public HashSet<IdentifierType> Types { get; } = [];

        public string? LineUser { get; set; }

        // The latest friend-state event decides (the demo never has two at the same time).
        public bool Blocked => Interactions.Where(i => i.Kind == InteractionKind.FriendAdded || i.Kind == InteractionKind.Blocked || i.Kind == InteractionKind.Unblocked)
            .OrderBy(i => i.At).LastOrDefault()?.Kind == InteractionKind.Blocked;

        public DateTimeOffset LastClick => Interactions.Where(i => i.Kind == InteractionKind.Clicked).Select(i => i.At).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
    }
}
