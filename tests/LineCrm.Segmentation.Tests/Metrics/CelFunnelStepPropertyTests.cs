using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Identity;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class CelFunnelStepPropertyTests
{
    private static readonly Identifier[] People = [.. Enumerable.Range(0, 4).Select(i => Identifier.WebMember($"M-{i}"))];

    private static readonly Gen<FunnelEvent> Event =
        from who in Gen.Elements(People)
        from minute in Gen.Choose(0, 48 * 60)
        from kind in Gen.Elements("friend_added", "clicked", FunnelEvent.PurchasedKind, "cart_added")
        from campaign in Gen.Elements("", "spring", "summer")
        from channel in Gen.Elements("web", "store")
        from amount in Gen.Elements(-500m, 0m, 1000m, 2999.5m, 3000m, 8000m)
        from store in Gen.Elements("", "umeda", "shibuya")
        select kind == FunnelEvent.PurchasedKind
            ? new FunnelEvent(who, kind, Generators.Base.AddMinutes(minute)) { Channel = channel, Amount = amount, Store = channel == "store" ? store : "", Campaign = campaign }
            : new FunnelEvent(who, kind, Generators.Base.AddMinutes(minute)) { Campaign = campaign, Target = store };

    private static readonly Arbitrary<(List<FunnelEvent> Events, int WindowHours, FunnelOrder Order)> Streams =
        (from events in Gen.ListOf(Event)
         from window in Gen.Choose(0, 30)
         from order in Gen.Elements(FunnelOrder.Strict, FunnelOrder.Relaxed)
         select (events.Take(40).ToList(), window, order)).ToArbitrary();

    // Each step once in CEL and once as the C# predicate it means.
    private static readonly (string Name, string Cel, Func<FunnelEvent, bool> CSharp)[] Steps =
    [
        ("added", """kind == "friend_added" """, e => e.Kind == "friend_added"),
        ("clicked spring", """kind == "clicked" && campaign == "spring" """, e => e.Kind == "clicked" && e.Campaign == "spring"),
        ("bought big or in a store", """kind == "purchased" && (channel == "store" || amount >= 3000.0)""",
            e => e.Kind == FunnelEvent.PurchasedKind && (e.Channel == "store" || e.Amount >= 3000m)),
        ("bought again, afternoon UTC, not Umeda", """kind == "purchased" && at.getHours() >= 12 && store != "umeda" && amount > 0.0""",
            e => e.Kind == FunnelEvent.PurchasedKind && e.At.UtcDateTime.Hour >= 12 && e.Store != "umeda" && e.Amount > 0m),
    ];

    private static readonly FunnelStep<FunnelEvent>[] CelSteps = [.. Steps.Select(s => FunnelStep.FromCel(s.Name, s.Cel))];

    private static readonly FunnelStep<FunnelEvent>[] CSharpSteps = [.. Steps.Select(s => new FunnelStep<FunnelEvent>(s.Name, s.CSharp))];

    [Property(MaxTest = 300)]
    public Property A_funnel_of_CEL_steps_counts_what_the_same_funnel_of_CSharp_predicates_counts() =>
        Prop.ForAll(Streams, stream =>
        {
            var window = TimeSpan.FromHours(stream.WindowHours);
            var cel = new Funnel<FunnelEvent>(CelSteps, window, stream.Order).Compute(stream.Events, e => e.Who, e => e.At, e => e.Campaign);
            var csharp = new Funnel<FunnelEvent>(CSharpSteps, window, stream.Order).Compute(stream.Events, e => e.Who, e => e.At, e => e.Campaign);

            static string Show(FunnelReport r) => string.Join(" | ", new[] { ("total", r.Total) }.Concat(r.Groups.Select(g => (g.Key, g.Value)))
                .Select(g => $"{g.Item1}: {string.Join(",", g.Item2.Counts)} median {g.Item2.MedianTimeToConvert} mean {g.Item2.MeanTimeToConvert}"));
            return (Show(cel) == Show(csharp) && cel.Steps.SequenceEqual(csharp.Steps)).Label($"CEL {Show(cel)}; C# {Show(csharp)}");
        });
}
