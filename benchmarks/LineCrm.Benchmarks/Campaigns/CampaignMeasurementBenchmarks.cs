using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LineCrm.Campaigns;
using LineCrm.Campaigns.Definition;
using LineCrm.Campaigns.Measurement;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Messages;
using LineCrm.Segmentation.Members;

namespace LineCrm.Benchmarks.Campaigns;

/// <summary>
/// Measuring a sent campaign of 1 million recipients (90% treated, 10% held out) over a fact store holding 5 million
/// purchases spread over the 60 days around the send (LINECRM_BENCH_RECIPIENTS / LINECRM_BENCH_PURCHASES change the
/// size): each person's own 7-day window read from the store, then the statistics. With the default goal (any
/// purchase) and with a goal the CEL interpreter tests on each purchase in a window. Before timing, the setup checks
/// the conversions against a count made from the generated purchases.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class CampaignMeasurementBenchmarks
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 4, 1, 0, 0, TimeSpan.Zero);
    private MemberTable _members = null!;
    private CampaignRecipient[] _recipients = null!;
    private Campaign _anyPurchase = null!;
    private Campaign _bigPurchase = null!;

    [GlobalSetup]
    public void Setup()
    {
        var recipients = Size("LINECRM_BENCH_RECIPIENTS", 1_000_000);
        var purchases = Size("LINECRM_BENCH_PURCHASES", 5_000_000);
        var random = new Random(19);
        _members = new MemberTable(new NumberedResolver());
        var window = TimeSpan.FromDays(7);
        var converted = new bool[recipients];
        var order = new (int Person, long At, decimal Amount)[purchases];
        for (var i = 0; i < purchases; i++)
        {
            var person = random.Next(recipients);
            var at = Sent.AddMinutes(random.Next(-30 * 24 * 60, 30 * 24 * 60));
            order[i] = (person, at.UtcTicks, 500m + (random.Next(0, 60) * 100m));
            converted[person] |= at >= Sent && at < Sent + window;
        }

        foreach (var (person, at, amount) in order.OrderBy(o => o.At))
        {
            _members.Append(new Purchase("o", Web(person), new DateTimeOffset(at, TimeSpan.Zero), amount, "JPY", PurchaseChannel.Web));
        }

        _members.Compact();
        _recipients = [.. Enumerable.Range(0, recipients).Select(p => new CampaignRecipient(
            new PersonId(p + 1), 0, p % 10 == 0 ? RecipientGroup.Holdout : RecipientGroup.Treatment, Sent, p % 10 != 0))];
        CampaignVariant[] variants = [new("A", 1, [new TextMessage("sale")])];
        _anyPurchase = new Campaign(new CampaignId("bench"), "purchases.size() >= 0", variants, "kind == \"purchased\"");
        _bigPurchase = new Campaign(new CampaignId("bench-big"), "purchases.size() >= 0", variants, "kind == \"purchased\" && amount >= 3000.0");

        var result = MeasureAnyPurchase();
        var expected = converted.Count(c => c);
        var measured = result.Overall!.Treatment.Conversions + result.Overall.Holdout.Conversions;
        if (measured != expected)
        {
            throw new InvalidOperationException($"The measurement counts {measured:N0} converted persons; the generated purchases make {expected:N0}.");
        }

        Console.WriteLine($"// {recipients:N0} recipients, {_members.PurchaseCount:N0} purchases in the store, {expected:N0} converted within 7 days.");
    }

    [Benchmark(Description = "Measure 1M recipients: goal any purchase")]
    public CampaignResult MeasureAnyPurchase() => CampaignMeasurement.Measure(_anyPurchase, _members, _recipients, Sent.AddDays(8));

    [Benchmark(Description = "Measure 1M recipients: goal amount >= 3000 (CEL per purchase)")]
    public CampaignResult MeasureBigPurchase() => CampaignMeasurement.Measure(_bigPurchase, _members, _recipients, Sent.AddDays(8));

    private static int Size(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    private static Identifier Web(int p) => Identifier.WebMember((p + 1).ToString(CultureInfo.InvariantCulture));
}
