using LineCrm.Campaigns.Assignment;
using LineCrm.Identity;

namespace LineCrm.Campaigns.Tests.Assignment;

/// <summary>
/// The assignment hash against values computed outside the code, in a shell, so that a change of library, runtime
/// or machine that would move persons between groups fails here. Each expected value is the first 16 hex digits of
///   printf '%s' 'INPUT' | sha256sum
/// and each point is that number over 2^64, from python3 -c "print(int('HEX', 16) / 2**64)".
/// </summary>
public sealed class StableHashGoldenTests
{
    [Theory]
    [InlineData("control", "2026-a", 1L, 0xedf70958a07b8dbfUL)]
    [InlineData("control", "2026-a", 4L, 0x02d7ce7b01eca879UL)]
    [InlineData("control", "2026-a", 42L, 0xbb9a4e4a37da2431UL)]
    [InlineData("control", "2026-a", long.MaxValue, 0xeb57b4e3c9f50283UL)]
    [InlineData("holdout", "spring-sale", 14L, 0x14c80734f6d9df59UL)]
    [InlineData("holdout", "spring-sale", 42L, 0x3b0925aaa290a7c9UL)]
    [InlineData("variant", "spring-sale", 7L, 0x6ae3bd5c48feb937UL)]
    public void The_first_eight_bytes_are_those_sha256sum_gives(string purpose, string key, long person, ulong expected)
        => Assert.Equal(expected, new StableHash(purpose, key).Prefix64(new PersonId(person)));

    [Theory]
    [InlineData("control", "2026-a", 42L, 0.7328232699581824)]
    [InlineData("holdout", "spring-sale", 42L, 0.23060832420248067)]
    [InlineData("variant", "spring-sale", 42L, 0.14675323219616085)]
    [InlineData("variant", "spring-sale", 7L, 0.4175375318818578)]
    public void The_point_is_the_prefix_over_two_to_the_64(string purpose, string key, long person, double expected)
        => Assert.Equal(expected, new StableHash(purpose, key).Unit(new PersonId(person)));

    [Fact]
    public void The_global_control_group_takes_the_persons_whose_point_is_below_its_share()
    {
        // Points from the shell: P4 0.0111, P15 0.0448, P42 0.7328 (control:2026-a:P…).
        var group = new GlobalControlGroup(0.05, "2026-a");
        Assert.True(group.Contains(new PersonId(4)));
        Assert.True(group.Contains(new PersonId(15)));
        Assert.False(group.Contains(new PersonId(42)));

        var smaller = new GlobalControlGroup(0.04, "2026-a");
        Assert.True(smaller.Contains(new PersonId(4)));
        Assert.False(smaller.Contains(new PersonId(15)));
    }

    [Fact]
    public void A_new_salt_reshuffles_the_group()
    {
        // control:2026-b:P4 hashes to 0x97ac0703e25526d2 (point 0.59), where control:2026-a:P4 is 0.0111.
        Assert.True(new GlobalControlGroup(0.05, "2026-a").Contains(new PersonId(4)));
        Assert.False(new GlobalControlGroup(0.05, "2026-b").Contains(new PersonId(4)));
    }

    [Fact]
    public void The_holdout_takes_the_persons_whose_point_is_below_its_share()
    {
        // Points from the shell: P14 0.0812, P21 0.0083, P42 0.2306, P7 0.7016 (holdout:spring-sale:P…).
        var holdout = new CampaignHoldout(new CampaignId("spring-sale"));
        Assert.Equal(0.10, holdout.Share);
        Assert.True(holdout.Contains(new PersonId(14)));
        Assert.True(holdout.Contains(new PersonId(21)));
        Assert.False(holdout.Contains(new PersonId(42)));
        Assert.False(holdout.Contains(new PersonId(7)));
        Assert.False(new CampaignHoldout(new CampaignId("spring-sale"), 0.08).Contains(new PersonId(14)));
    }

    [Fact]
    public void Variants_take_consecutive_ranges_of_the_point_in_weight_order()
    {
        // Points from the shell: P42 0.1468, P1 0.2103, P7 0.4175, P3 0.5471 (variant:spring-sale:P…);
        // weights 20%, 30%, 50% make the ranges [0, 0.2), [0.2, 0.5), [0.5, 1].
        var split = new VariantSplit(new CampaignId("spring-sale"), [0.2, 0.3, 0.5]);
        Assert.Equal(0, split.VariantOf(new PersonId(42)));
        Assert.Equal(1, split.VariantOf(new PersonId(1)));
        Assert.Equal(1, split.VariantOf(new PersonId(7)));
        Assert.Equal(2, split.VariantOf(new PersonId(3)));
    }
}
