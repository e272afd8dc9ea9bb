using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>
/// A table of random purchases, of any amount a long of ten-thousandths holds, any currency, with or without a
/// campaign and store, gives back exactly what was appended, and the same after a save and a load.
/// </summary>
public sealed class ExactAmountPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed record Bought(int Who, long Units, string Currency, string? Campaign, string? Store, int Minute);

    private static Gen<long> Units() => Gen.Frequency(
        (4, Gen.Choose(-2_000_000, 2_000_000).Select(i => (long)i)),
        (1, Gen.Elements(long.MaxValue, long.MinValue, 1L, -1L, 199_900L, -123_456_789L)),
        (2, from high in Gen.Choose(int.MinValue, int.MaxValue)
            from low in Gen.Choose(int.MinValue, int.MaxValue)
            select ((long)high << 32) | (uint)low));

    private static Arbitrary<Bought[]> Purchases() =>
        (from count in Gen.Choose(0, 40)
         from bought in Gen.ArrayOf(
             from who in Gen.Choose(0, 5)
             from units in Units()
             from currency in Gen.Elements("JPY", "USD", "KWD", "CLF")
             from campaign in Gen.Elements<string?>(null, "spring", "summer")
             from store in Gen.Elements<string?>(null, "S1", "S2")
             from minute in Gen.Choose(0, 100_000)
             select new Bought(who, units, currency, campaign, store, minute),
             count)
         select bought).ToArbitrary();

    [Fact]
    public void A_table_of_random_purchases_saved_and_loaded_gives_the_same_facts() =>
        Prop.ForAll(Purchases(), purchases =>
        {
            var table = new MemberTable();
            var expected = new Dictionary<PersonId, List<(DateTimeOffset, decimal, string, string?, string?)>>();
            for (var i = 0; i < purchases.Length; i++)
            {
                var b = purchases[i];
                var at = T0.AddMinutes(b.Minute);

                // The amount a count of ten-thousandths stands for, by its definition.
                var amount = new decimal(b.Units) / 10_000m;
                var person = table.Append(new Purchase($"O-{i}", Identifier.WebMember($"M-{b.Who}"), at, amount, b.Currency, PurchaseChannel.Store)
                {
                    CampaignId = b.Campaign,
                    StoreId = b.Store,
                });
                if (!expected.TryGetValue(person, out var list))
                {
                    expected[person] = list = [];
                }

                list.Add((at, amount, b.Currency, b.Campaign, b.Store));
            }

            var loaded = MemberTableFileTests.RoundTrip(table);
            foreach (var candidate in new[] { table, loaded })
            {
                Assert.Equal(expected.Keys.Order(), candidate.Persons.Order());
                foreach (var (person, bought) in expected)
                {
                    Assert.True(candidate.TryGetFacts(person, out var facts));
                    Assert.Equal(bought, facts.Purchases.Select(p => (p.At, p.Amount, p.Currency, p.Campaign, p.Store)));
                }
            }

            Assert.Equal(RandomTables.Describe(table), RandomTables.Describe(loaded));
        }).QuickCheckThrowOnFailure();
}
