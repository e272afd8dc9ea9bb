using System.Buffers.Binary;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>
/// A damaged or foreign member table file ends in <see cref="InvalidDataException"/> naming what is wrong, whatever
/// the damage, from a stream that can seek or one that cannot, and never allocates much more than the file holds.
/// </summary>
public sealed class MemberTableFileDamageTests
{
    // Section kinds, from the format's description (MemberTableFormat.Section).
    private const int Currencies = 2;
    private const int LineUserIds = 12;
    private const int PersonIds = 13;
    private const int LastClickAt = 16;
    private const int Blocked = 22;
    private const int PurchaseCounts = 23;
    private const int PurchaseCurrency = 26;
    private const int PurchaseStore = 28;
    private const int AttributeRows = 37;

    private static readonly byte[] File = SavedTable();

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_flipped_bit_anywhere_is_refused(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 25; trial++)
        {
            var damaged = (byte[])File.Clone();
            var at = random.Next(damaged.Length);
            damaged[at] ^= (byte)(1 << random.Next(8));
            Refused(damaged, $"bit flipped at byte {at}");
        }
    }

    [Fact]
    public void A_file_cut_short_anywhere_is_refused()
    {
        for (var length = 0; length < File.Length; length++)
        {
            Refused(File[..length], $"cut at {length}");
        }
    }

    [Fact]
    public void A_section_length_too_large_or_negative_is_refused_without_allocating_it()
    {
        foreach (var section in FileSection.Of(File))
        {
            foreach (var claim in new[] { long.MaxValue, 1L << 40, int.MaxValue, -1L, section.Length + 8L })
            {
                var damaged = (byte[])File.Clone();
                BinaryPrimitives.WriteInt64LittleEndian(damaged.AsSpan(section.LengthFieldAt), claim);
                Refused(damaged, $"section {section.Kind} claiming {claim} bytes");
            }
        }
    }

    [Fact]
    public void Bytes_after_the_last_section_are_refused()
    {
        var error = Refused([.. File, 0], "one byte more");
        Assert.Contains("follow the last section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_file_and_another_version_are_refused_by_name()
    {
        var error = Refused("not a table at all"u8.ToArray(), "text");
        Assert.Contains("LCMEMBER", error.Message, StringComparison.Ordinal);

        var later = (byte[])File.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(later.AsSpan(8), MemberTable.FileFormatVersion + 1);
        error = Refused(later, "a later version");
        Assert.Contains($"version is {MemberTable.FileFormatVersion + 1}", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> Contradictions => new()
    {
        { "a currency id past the pool", PurchaseCurrency, "PurchaseCurrency" },
        { "a store id below none", PurchaseStore, "PurchaseStore" },
        { "a repeated person id", PersonIds, "repeats" },
        { "a negative purchase count", PurchaseCounts, "PurchaseCounts" },
        { "a click time past year 9999", LastClickAt, "not a time" },
        { "a blocked bit past the last person", Blocked, "past the last person" },
        { "a repeated currency", Currencies, "appears twice" },
        { "an attribute of a person past the last", AttributeRows, "AttributeRows" },
        { "a LINE user id that is not one", LineUserIds, "not a LINE user id" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void A_file_whole_in_its_frames_but_contradicting_itself_is_refused(string what, int kind, string named)
    {
        var section = FileSection.Of(File).Single(s => s.Kind == kind);
        Assert.True(section.Length > 0, $"the sample table has no {what} section to damage");
        var damaged = section.Rewritten(File, payload => Contradict(kind, payload));
        var error = Refused(damaged, what);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static void Contradict(int kind, Span<byte> payload)
    {
        switch (kind)
        {
            case PurchaseCurrency:
                BinaryPrimitives.WriteInt32LittleEndian(payload, 1_000);
                break;
            case PurchaseStore:
                BinaryPrimitives.WriteInt32LittleEndian(payload, -2);
                break;
            case PersonIds:
                payload[..8].CopyTo(payload[8..]);
                break;
            case PurchaseCounts:
                BinaryPrimitives.WriteInt32LittleEndian(payload, -1);
                break;
            case LastClickAt:
                BinaryPrimitives.WriteInt64LittleEndian(payload, DateTime.MaxValue.Ticks + 1);
                break;
            case Blocked:
                payload[^1] |= 0x80;
                break;
            case LineUserIds:
                payload[8] = (byte)'X';   // the first id's 'U'
                break;
            case Currencies:
                // Two strings of the same length: make the second a copy of the first.
                var first = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
                var second = BinaryPrimitives.ReadInt32LittleEndian(payload[(8 + first)..]);
                Assert.Equal(first, second);
                payload.Slice(8, first).CopyTo(payload[(12 + first)..]);
                break;
            default:
                BinaryPrimitives.WriteInt32LittleEndian(payload, int.MaxValue);
                break;
        }
    }

    private static InvalidDataException Refused(byte[] damaged, string what)
    {
        InvalidDataException? seen = null;
        foreach (var seekable in new[] { true, false })
        {
            Stream stream = seekable ? new MemoryStream(damaged, writable: false) : new ForwardOnlyStream(damaged);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var error = Record.Exception(() => MemberTable.Load(stream, new IdentifierKeyedPersonResolver()));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var refused = Assert.IsType<InvalidDataException>(error, exactMatch: true);
            Assert.StartsWith("The member table file is damaged", refused.Message, StringComparison.Ordinal);

            // A 1 MiB first chunk on a stream that cannot seek, then growth as bytes arrive; never the claimed size.
            Assert.True(allocated < (16L * damaged.Length) + (4 << 20), $"{what} (seekable: {seekable}) allocated {allocated} bytes");
            seen = refused;
        }

        return seen!;
    }

    private static byte[] SavedTable()
    {
        var world = new RandomTables.World();
        foreach (var op in RandomTables.Sample(seed: 17, count: 60))
        {
            world.Apply(op);
        }

        // Make sure every section the contradictions need is there, whatever the sample held.
        var person = world.Table.Append(new Events.Interaction(LineCrm.Identity.Identifier.WebMember("X1"), new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), Events.InteractionKind.Clicked));
        world.Table.Append(new Events.Purchase("OX", LineCrm.Identity.Identifier.WebMember("X1"), new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero), 5m, "USD", Events.PurchaseChannel.Web));
        world.Table.SetAttribute(person, "nickname", "x");
        world.Table.Append(new Events.IdentityLink(LineCrm.Identity.Identifier.WebMember("X1"), LineCrm.Identity.Identifier.LineUser($"U{7:x32}"), new DateTimeOffset(2026, 5, 3, 0, 0, 0, TimeSpan.Zero), Events.LinkSource.AccountLink));
        using var bytes = new MemoryStream();
        world.Table.Save(bytes);
        return bytes.ToArray();
    }
}
