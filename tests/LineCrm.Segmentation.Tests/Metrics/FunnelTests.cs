using LineCrm.Segmentation.Metrics;
using static LineCrm.Segmentation.Tests.Metrics.Orders;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class FunnelTests
{
    internal sealed record Step(string Person, string At, string Name, string? Source = null);

    private static Funnel<Step> ViewCartBuy(TimeSpan window, FunnelOrder order = FunnelOrder.Strict) => new(
        [new FunnelStep<Step>("view", e => e.Name == "view"), new FunnelStep<Step>("cart", e => e.Name == "cart"), new FunnelStep<Step>("buy", e => e.Name == "buy")],
        window, order);

    private static FunnelReport Run(Funnel<Step> funnel, params Step[] events)
        => funnel.Compute(events, e => e.Person, e => At(e.At), e => e.Source);

    [Fact]
    public void Counts_persons_per_step_with_step_and_overall_conversion()
    {
        var report = Run(ViewCartBuy(TimeSpan.FromDays(1)),
            new Step("a", "2026-01-01T10:00Z", "view", "ad"), new Step("a", "2026-01-01T10:05Z", "cart"), new Step("a", "2026-01-01T11:00Z", "buy"),
            new Step("b", "2026-01-01T10:00Z", "view", "ad"), new Step("b", "2026-01-01T10:30Z", "cart"),
            new Step("c", "2026-01-01T10:00Z", "view", "mail"),
            new Step("d", "2026-01-01T10:00Z", "cart")); // never viewed: not in the funnel

        Assert.Equal(["view", "cart", "buy"], report.Steps);
        Assert.Equal([3L, 2, 1], report.Total.Counts);
        Assert.Equal([2.0 / 3.0, 0.5], report.Total.StepConversion);
        Assert.Equal(1.0 / 3.0, report.Total.OverallConversion);
        Assert.Equal(TimeSpan.FromHours(1), report.Total.MedianTimeToConvert);
        Assert.Equal(TimeSpan.FromHours(1), report.Total.MeanTimeToConvert);
        Assert.Equal(["ad", "mail"], report.Groups.Select(g => g.Key));
        Assert.Equal([2L, 2, 1], report.Groups[0].Value.Counts);
        Assert.Equal([1L, 0, 0], report.Groups[1].Value.Counts);
    }

    [Fact]
    public void Steps_outside_the_window_do_not_count()
    {
        var report = Run(ViewCartBuy(TimeSpan.FromHours(1)),
            new Step("a", "2026-01-01T10:00Z", "view"), new Step("a", "2026-01-01T10:30Z", "cart"), new Step("a", "2026-01-01T11:00:01Z", "buy"));

        Assert.Equal([1L, 1, 0], report.Total.Counts);
        Assert.Null(report.Total.MedianTimeToConvert);
    }

    [Fact]
    public void A_later_first_step_can_start_the_attempt_that_converts()
    {
        var report = Run(ViewCartBuy(TimeSpan.FromHours(1)),
            new Step("a", "2026-01-01T08:00Z", "view"),
            new Step("a", "2026-01-02T08:00Z", "view"), new Step("a", "2026-01-02T08:10Z", "cart"), new Step("a", "2026-01-02T08:40Z", "buy"));

        Assert.Equal([1L, 1, 1], report.Total.Counts);
        Assert.Equal(TimeSpan.FromMinutes(40), report.Total.MedianTimeToConvert);
    }

    [Fact]
    public void Strict_order_needs_each_step_after_the_previous_and_relaxed_does_not()
    {
        Step[] events = [new("a", "2026-01-01T10:00Z", "view"), new("a", "2026-01-01T10:10Z", "buy"), new("a", "2026-01-01T10:20Z", "cart")];

        Assert.Equal([1L, 1, 0], Run(ViewCartBuy(TimeSpan.FromDays(1)), events).Total.Counts);
        var relaxed = Run(ViewCartBuy(TimeSpan.FromDays(1), FunnelOrder.Relaxed), events).Total;
        Assert.Equal([1L, 1, 1], relaxed.Counts);
        Assert.Equal(TimeSpan.FromMinutes(20), relaxed.MedianTimeToConvert); // both steps done at 10:20
    }

    [Fact]
    public void One_event_completes_at_most_one_step()
    {
        var anything = new Funnel<Step>([new FunnelStep<Step>("any", _ => true), new FunnelStep<Step>("any again", _ => true)], TimeSpan.FromDays(1));

        Assert.Equal([1L, 0], Run(anything, new Step("a", "2026-01-01T10:00Z", "view")).Total.Counts);
        Assert.Equal([1L, 1], Run(anything, new Step("a", "2026-01-01T10:00Z", "view"), new Step("a", "2026-01-01T10:00Z", "view")).Total.Counts);
    }

    [Fact]
    public void Median_time_is_by_nearest_rank_and_mean_is_the_average()
    {
        var report = Run(new Funnel<Step>([new FunnelStep<Step>("view", e => e.Name == "view"), new FunnelStep<Step>("buy", e => e.Name == "buy")], TimeSpan.FromDays(1)),
            new Step("a", "2026-01-01T10:00Z", "view"), new Step("a", "2026-01-01T10:10Z", "buy"),
            new Step("b", "2026-01-01T10:00Z", "view"), new Step("b", "2026-01-01T10:20Z", "buy"),
            new Step("c", "2026-01-01T10:00Z", "view"), new Step("c", "2026-01-01T11:30Z", "buy"),
            new Step("d", "2026-01-01T10:00Z", "view"), new Step("d", "2026-01-01T12:00Z", "buy"));

        Assert.Equal(TimeSpan.FromMinutes(20), report.Total.MedianTimeToConvert); // rank ceil(0.5 * 4) = 2
        Assert.Equal(TimeSpan.FromMinutes((10 + 20 + 90 + 120) / 4.0), report.Total.MeanTimeToConvert);
    }

    [Fact]
    public void Bad_definitions_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Funnel<Step>([], TimeSpan.FromDays(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewCartBuy(TimeSpan.FromDays(-1)));
        Assert.Throws<ArgumentException>(() => new FunnelStep<Step>(" ", _ => true));
    }
}
