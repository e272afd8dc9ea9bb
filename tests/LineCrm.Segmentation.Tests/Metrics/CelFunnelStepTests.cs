using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class CelFunnelStepTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly Identifier Aki = Identifier.LineUser("U" + new string('a', 32));
    private static readonly Identifier Ben = Identifier.LineUser("U" + new string('b', 32));
    private static readonly Identifier Chie = Identifier.LineUser("U" + new string('c', 32));

    [Fact]
    public void A_funnel_of_CEL_steps_over_interactions_and_purchases_counts_by_hand()
    {
        var funnel = new Funnel<FunnelEvent>(
        [
            FunnelStep.FromCel("friend added in a store", """kind == "friend_added" && target != "" """),
            FunnelStep.FromCel("clicked the spring coupon", """kind == "clicked" && campaign == "spring-coupon" """),
            FunnelStep.FromCel("bought 3,000 or more in a store", """kind == "purchased" && channel == "store" && amount >= 3000.0"""),
        ], TimeSpan.FromDays(14));
        FunnelEvent[] events =
        [
            // Aki: all three steps, converting 3 days after the friend-add.
            FunnelEvent.From(new Interaction(Aki, T0, InteractionKind.FriendAdded) { Target = "shibuya" }),
            FunnelEvent.From(new Interaction(Aki, T0.AddDays(1), InteractionKind.Clicked) { CampaignId = "spring-coupon" }),
            FunnelEvent.From(new Purchase("A1", Aki, T0.AddDays(3), 3000m, "JPY", PurchaseChannel.Store) { StoreId = "shibuya" }),
            // Ben: clicked, but bought on the web only.
            FunnelEvent.From(new Interaction(Ben, T0, InteractionKind.FriendAdded) { Target = "umeda" }),
            FunnelEvent.From(new Interaction(Ben, T0.AddDays(2), InteractionKind.Clicked) { CampaignId = "spring-coupon" }),
            FunnelEvent.From(new Purchase("B1", Ben, T0.AddDays(4), 9000m, "JPY", PurchaseChannel.Web)),
            // Chie: recruited by an ad (no store), so not in the funnel at all.
            FunnelEvent.From(new Interaction(Chie, T0, InteractionKind.FriendAdded)),
            FunnelEvent.From(new Interaction(Chie, T0.AddDays(1), InteractionKind.Clicked) { CampaignId = "spring-coupon" }),
        ];

        var report = funnel.Compute(events, e => e.Who, e => e.At, e => e.Target);

        Assert.Equal([2L, 2, 1], report.Total.Counts);
        Assert.Equal(TimeSpan.FromDays(3), report.Total.MedianTimeToConvert);
        Assert.Equal(["shibuya", "umeda"], report.Groups.Select(g => g.Key));
        Assert.Equal([1L, 1, 1], report.Groups[0].Value.Counts);
        Assert.Equal([1L, 1, 0], report.Groups[1].Value.Counts);
    }

    [Fact]
    public void Events_made_from_purchases_and_interactions_carry_their_fields_with_empty_text_for_none()
    {
        var purchase = FunnelEvent.From(new Purchase("O1", Aki, T0, -250m, "JPY", PurchaseChannel.Store) { StoreId = "umeda", CampaignId = "spring" });
        var click = FunnelEvent.From(new Interaction(Ben, T0, InteractionKind.Clicked) { Target = "https://example.com/coupon" });

        Assert.Equal((Aki, "purchased", T0, "store", "umeda", -250m, "spring", ""), (purchase.Who, purchase.Kind, purchase.At, purchase.Channel, purchase.Store, purchase.Amount, purchase.Campaign, purchase.Target));
        Assert.Equal((Ben, "clicked", "", "", 0m, "", "https://example.com/coupon"), (click.Who, click.Kind, click.Channel, click.Store, click.Amount, click.Campaign, click.Target));
        Assert.True(FunnelStep.FromCel("refund", """kind == "purchased" && amount < 0.0 && store == "umeda" """).Matches(purchase));
        Assert.True(FunnelStep.FromCel("coupon click", """target.endsWith("/coupon") && campaign == "" && channel == "" """).Matches(click));
    }

    [Fact]
    public void An_undeclared_name_fails_at_construction_with_the_step_and_the_CEL_error()
    {
        var error = Assert.Throws<ArgumentException>(() => FunnelStep.FromCel("buy", """kind == "purchased" && amout > 1.0"""));

        Assert.Equal("expression", error.ParamName);
        Assert.Contains("'buy'", error.Message, StringComparison.Ordinal);
        var check = Assert.IsType<CelCheckException>(error.InnerException);
        var only = Assert.Single(check.Errors);
        Assert.Equal(CelCheckErrorKind.UndeclaredReference, only.Kind);
        Assert.Equal((1, 24), (only.Line, only.Column)); // where "amout" starts
        Assert.Contains("amout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_fails_at_construction_with_its_position()
    {
        var error = Assert.Throws<ArgumentException>(() => FunnelStep.FromCel("click", "kind == "));

        var syntax = Assert.IsType<CelSyntaxException>(error.InnerException);
        Assert.Equal(1, syntax.Line);
        Assert.Contains("'click'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_that_is_not_a_bool_or_compares_the_wrong_types_fails_at_construction()
    {
        var notBool = Assert.Throws<ArgumentException>(() => FunnelStep.FromCel("spend", "amount * 2.0"));
        Assert.Equal(CelCheckErrorKind.TypeMismatch, Assert.Single(Assert.IsType<CelCheckException>(notBool.InnerException).Errors).Kind);

        var mixed = Assert.Throws<ArgumentException>(() => FunnelStep.FromCel("spend", "amount >= \"3000\""));
        Assert.Equal(CelCheckErrorKind.NoMatchingOverload, Assert.Single(Assert.IsType<CelCheckException>(mixed.InnerException).Errors).Kind);

        Assert.Throws<ArgumentException>(() => FunnelStep.FromCel(" ", "true"));
    }

    [Fact]
    public void A_CEL_error_on_an_event_is_thrown_from_the_funnel_not_counted_as_a_miss()
    {
        var funnel = new Funnel<FunnelEvent>([FunnelStep.FromCel("broken", "1 / (size(kind) - size(kind)) == 0")], TimeSpan.FromDays(1));

        var error = Assert.Throws<CelEvaluationException>(() => funnel.Compute([new FunnelEvent(Aki, "clicked", T0)], e => e.Who, e => e.At));

        Assert.Equal("division_by_zero", error.Kind);
    }
}
