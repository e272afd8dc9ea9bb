using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class FunnelPropertyTests
{
    private sealed record Event(int Person, int Minute, int Kind);

    private static readonly Arbitrary<(List<Event> Events, int Window)> Events =
        (from events in Gen.ListOf(from p in Gen.Choose(0, 3) from m in Gen.Choose(0, 30) from k in Gen.Choose(0, 3) select new Event(p, m, k))
         from window in Gen.Choose(0, 20)
         select (events.Take(24).ToList(), window)).ToArbitrary();

    private static readonly Func<Event, bool>[] StepMatches = [e => e.Kind == 0, e => e.Kind is 1 or 3, e => e.Kind is 2 or 3];

    private static Funnel<Event> Funnel(int window, FunnelOrder order)
        => new(StepMatches.Select((m, i) => new FunnelStep<Event>($"s{i}", m)), TimeSpan.FromMinutes(window), order);

    private static FunnelReport Run(List<Event> events, int window, FunnelOrder order)
        => Funnel(window, order).Compute(events, e => e.Person, e => Generators.Base.AddMinutes(e.Minute));

    // The deepest step over every choice of distinct events, by brute force.
    private static int Depth(List<Event> own, int window, FunnelOrder order)
    {
        var sorted = own.Select((e, i) => (e, i)).OrderBy(x => x.e.Minute).ThenBy(x => x.i).Select(x => x.e).ToList();
        var best = 0;
        for (var s = 0; s < sorted.Count; s++)
        {
            if (!StepMatches[0](sorted[s]))
            {
                continue;
            }

            best = Math.Max(best, 1 + Extend(sorted, s, 1, sorted[s].Minute + window, [s], order));
        }

        return best;
    }

    private static int Extend(List<Event> sorted, int last, int step, int deadline, List<int> used, FunnelOrder order)
    {
        if (step == StepMatches.Length)
        {
            return 0;
        }

        var best = 0;
        var from = order == FunnelOrder.Strict ? last + 1 : used[0] + 1;
        for (var j = from; j < sorted.Count; j++)
        {
            if (sorted[j].Minute <= deadline && !used.Contains(j) && StepMatches[step](sorted[j]))
            {
                best = Math.Max(best, 1 + Extend(sorted, j, step + 1, deadline, [.. used, j], order));
            }
        }

        return best;
    }

    [Property(MaxTest = 300)]
    public Property Strict_counts_match_brute_force() => Matches(FunnelOrder.Strict);

    [Property(MaxTest = 300)]
    public Property Relaxed_counts_match_brute_force() => Matches(FunnelOrder.Relaxed);

    private static Property Matches(FunnelOrder order) =>
        Prop.ForAll(Events, input =>
        {
            var (events, window) = input;
            var report = Run(events, window, order);
            var depths = events.GroupBy(e => e.Person).Select(g => Depth([.. g], window, order)).ToList();
            return Enumerable.Range(0, StepMatches.Length).All(k => report.Total.Counts[k] == depths.Count(d => d > k));
        });

    [Property(MaxTest = 300)]
    public Property Counts_never_grow_and_conversions_are_rates() =>
        Prop.ForAll(Events, Gen.Elements(FunnelOrder.Strict, FunnelOrder.Relaxed).ToArbitrary(), (input, order) =>
        {
            var total = Run(input.Events, input.Window, order).Total;
            return total.Counts.Zip(total.Counts.Skip(1)).All(p => p.First >= p.Second)
                && total.StepConversion.All(r => r is null or (>= 0 and <= 1))
                && total.OverallConversion is null or (>= 0 and <= 1)
                && (total.MedianTimeToConvert is null || total.MedianTimeToConvert <= TimeSpan.FromMinutes(input.Window));
        });
}
