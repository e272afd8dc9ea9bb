using System.Buffers.Binary;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>
/// Format version 3 keeps amounts exactly (a long of ten-thousandths per purchase), each purchase's campaign and
/// each person's link time. Files of versions 1 and 2, whose amounts are doubles, still load with the amounts
/// converted exactly; a double that does not convert, or a damaged amount section, is a load error that says so.
/// </summary>
public sealed class OlderVersionFileTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly decimal[] Amounts = [19.99m, 0.0001m, -12345.6789m, 1200m, 0m];

    // Section kinds, from the format's description (MemberTableFormat.Section).
    private const int PurchaseAmount = 25;
    private const int PurchaseAmountUnits = 52;
    private const int PurchaseCampaign = 53;
    private const int LinkedAt = 54;

    private static (MemberTable Table, PersonId Buyer) Sample()
    {
        var table = new MemberTable();
        var buyer = default(PersonId);
        for (var i = 0; i < Amounts.Length; i++)
        {
            buyer = table.Append(new Purchase($"O-{i}", Identifier.WebMember("M-1"), T0.AddDays(i), Amounts[i], "JPY", PurchaseChannel.Web) { CampaignId = "spring" });
        }

        table.Append(new IdentityLink(Identifier.WebMember("M-1"), Identifier.LineUser("U" + new string('c', 32)), T0, LinkSource.AccountLink));
        return (table, buyer);
    }

    private static byte[] Save(MemberTable table)
    {
        using var bytes = new MemoryStream();
        table.Save(bytes, TestContext.Current.CancellationToken);
        return bytes.ToArray();
    }

    private static MemberTable Load(byte[] file) =>
        MemberTable.Load(new MemoryStream(file), new IdentifierKeyedPersonResolver(), TestContext.Current.CancellationToken);

    [Fact]
    public void Version_3_writes_amounts_as_ten_thousandths_and_no_doubles()
    {
        var (table, _) = Sample();
        var file = Save(table);

        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8)));
        Assert.Equal([199_900L, 1L, -123_456_789L, 12_000_000L, 0L], OlderFormats.AmountUnits(file));
        var kinds = FileSection.Of(file).Select(s => s.Kind).ToList();
        Assert.DoesNotContain(PurchaseAmount, kinds);
        Assert.Equal([PurchaseAmountUnits, PurchaseCampaign, LinkedAt], kinds[^3..]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void An_older_file_loads_with_its_amounts_exact_and_without_campaigns_or_link_times(int version)
    {
        var (table, buyer) = Sample();
        var current = Save(table);
        var older = version == 1 ? OlderFormats.Version1(current) : OlderFormats.Version2(current);
        Assert.Equal(version, BinaryPrimitives.ReadInt32LittleEndian(older.AsSpan(8)));

        var loaded = Load(older);

        Assert.True(loaded.TryGetFacts(buyer, out var facts));
        Assert.Equal(Amounts, facts.Purchases.Select(p => p.Amount));
        Assert.All(facts.Purchases, p => Assert.Null(p.Campaign));
        Assert.Null(facts.LinkedAt);
        Assert.Equal(MemberTable.FileFormatVersion, BinaryPrimitives.ReadInt32LittleEndian(Save(loaded).AsSpan(8)));
    }

    public static TheoryData<double, string> Unconvertible => new()
    {
        { 0.00001, "more than 4 decimal places" },
        { 1e300, "outside the range of decimal" },
        { 1e16, "outside" },
        { double.NaN, "not a finite number" },
        { double.NegativeInfinity, "not a finite number" },
    };

    [Theory]
    [MemberData(nameof(Unconvertible))]
    public void An_older_files_amount_that_does_not_convert_exactly_is_a_load_error_naming_the_purchase(double amount, string why)
    {
        var (table, _) = Sample();
        var doubles = Amounts.Select(a => (double)a).ToArray();
        doubles[2] = amount;

        var error = Assert.Throws<InvalidDataException>(() => Load(OlderFormats.Version2(Save(table), doubles)));

        Assert.StartsWith("The member table file is damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("purchase 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("PurchaseAmount", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_amount_section_is_refused_by_name()
    {
        var (table, _) = Sample();
        var file = Save(table);
        var section = FileSection.Of(file).Single(s => s.Kind == PurchaseAmountUnits);

        var flipped = (byte[])file.Clone();
        flipped[section.PayloadAt + 3] ^= 0x10;
        var error = Assert.Throws<InvalidDataException>(() => Load(flipped));
        Assert.Contains("PurchaseAmountUnits section does not match its hash", error.Message, StringComparison.Ordinal);

        // Whole in its frame and hash, but one amount short of the purchases.
        var shorter = Shortened(file, section, sizeof(long));
        error = Assert.Throws<InvalidDataException>(() => Load(shorter));
        Assert.Contains("PurchaseAmountUnits holds 4 values where 5 are expected", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int, string> Contradictions => new()
    {
        { PurchaseCampaign, "PurchaseCampaign" },
        { LinkedAt, "not a time" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void A_campaign_past_the_pool_or_a_link_time_that_is_no_time_is_refused(int kind, string named)
    {
        var (table, _) = Sample();
        var file = Save(table);
        var section = FileSection.Of(file).Single(s => s.Kind == kind);
        var damaged = section.Rewritten(file, payload =>
        {
            if (kind == LinkedAt)
            {
                BinaryPrimitives.WriteInt64LittleEndian(payload, -1);
            }
            else
            {
                BinaryPrimitives.WriteInt32LittleEndian(payload, 7);
            }
        });

        var error = Assert.Throws<InvalidDataException>(() => Load(damaged));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The file with <paramref name="bytes"/> cut from the end of a section's payload, its frame and hash made right again.</summary>
    private static byte[] Shortened(byte[] file, FileSection section, int bytes)
    {
        var payload = file.AsSpan(section.PayloadAt, section.Length - bytes);
        var result = new List<byte>(file[..section.FrameAt]);
        var frame = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(frame, section.Kind);
        BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(4), payload.Length);
        result.AddRange(frame);
        result.AddRange(payload.ToArray());
        var hash = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(hash, System.IO.Hashing.XxHash3.HashToUInt64(payload));
        result.AddRange(hash);
        result.AddRange(file[(section.HashAt + 8)..]);
        return [.. result];
    }
}
