using LineCrm.Campaigns.Assignment;
using LineCrm.Identity;

namespace LineCrm.Campaigns.Tests.Assignment;

public sealed class AssignmentValidationTests
{
    private static readonly CampaignId Campaign = new("spring-sale");

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.009)]
    [InlineData(0.151)]
    [InlineData(5.0)]
    [InlineData(double.NaN)]
    public void A_control_share_outside_1_to_15_percent_is_refused_with_the_range(double share)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GlobalControlGroup(share, "salt"));
        Assert.Equal("share", error.ParamName);
        Assert.Contains("1%", error.Message, StringComparison.Ordinal);
        Assert.Contains("15%", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.15)]
    public void The_control_share_bounds_are_accepted(double share)
        => Assert.Equal(share, new GlobalControlGroup(share, "salt").Share);

    [Theory]
    [InlineData("")]
    [InlineData("a:b")]
    [InlineData("née")]
    public void A_salt_that_could_change_the_hash_input_is_refused(string salt)
        => Assert.Throws<ArgumentException>(nameof(salt), () => new GlobalControlGroup(0.05, salt));

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.51)]
    [InlineData(double.NaN)]
    public void A_holdout_share_outside_0_to_50_percent_is_refused(double share)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignHoldout(Campaign, share));
        Assert.Contains("50%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_holdout_of_zero_holds_out_nobody()
    {
        var holdout = new CampaignHoldout(Campaign, 0);
        Assert.DoesNotContain(Enumerable.Range(1, 1000), p => holdout.Contains(new PersonId(p)));
    }

    [Fact]
    public void Variant_weights_that_do_not_sum_to_100_percent_are_refused_naming_them()
    {
        var error = Assert.Throws<ArgumentException>("weights", () => new VariantSplit(Campaign, [0.5, 0.4]));
        Assert.Contains("50% + 40%", error.Message, StringComparison.Ordinal);
        Assert.Contains("sum to 90%", error.Message, StringComparison.Ordinal);
        Assert.Contains("spring-sale", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void A_variant_weight_not_above_zero_is_refused(double weight)
    {
        var error = Assert.Throws<ArgumentException>("weights", () => new VariantSplit(Campaign, [1.0, weight]));
        Assert.Contains("weight 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_written_as_decimal_thirds_are_accepted()
        => Assert.Equal(3, new VariantSplit(Campaign, [1.0 / 3, 1.0 / 3, 1.0 / 3]).Weights.Count);

    [Fact]
    public void No_weight_is_refused()
        => Assert.Throws<ArgumentException>("weights", () => new VariantSplit(Campaign, []));

    [Theory]
    [InlineData("")]
    [InlineData("spring:sale")]
    [InlineData("spring sale")]
    public void A_campaign_id_outside_its_alphabet_is_refused(string id)
        => Assert.Throws<ArgumentException>("value", () => new CampaignId(id));

    [Fact]
    public void Nobody_has_no_assignment()
    {
        Assert.Throws<ArgumentException>("person", () => new GlobalControlGroup(0.05, "salt").Contains(default));
        Assert.Throws<ArgumentException>(() => new CampaignHoldout(default));
    }
}
