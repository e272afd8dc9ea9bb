using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Members.Files;
using LineCrm.Segmentation.Segments;
using LineCrm.Segmentation.Tests.Segments.Custom;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>
/// Custom facts in the member table file (format version 2): they round trip with their declarations, a version 1
/// file still loads, a forgotten person's custom values are not written, and a file that contradicts itself in
/// its custom part is refused with <see cref="InvalidDataException"/>.
/// </summary>
public sealed class CustomFactFileTests
{
    private static readonly string[] Segments =
    [
        "loyaltyPoints >= 200 && tier == 'gold'",
        "pageViews.exists(v, v.productId == 'sku-1' && v.at > now - days(200))",
        "optedIn || score > 0.5 || lastVisitAt > now - days(100)",
        "pageViews.filter(v, v.liked && v.seconds > 0).size() >= 1",
    ];

    [Fact]
    public void A_loaded_table_has_the_same_schema_and_custom_facts_and_selects_the_same_persons() =>
        Prop.ForAll(CustomFactData.Tables().ToArbitrary(), table =>
        {
            var loaded = MemberTableFileTests.RoundTrip(table);
            Assert.True(loaded.Schema.DeclaresSameFactsAs(table.Schema));
            Assert.Equal(Describe(table), Describe(loaded));
            Assert.Equal(RandomTables.Describe(table), RandomTables.Describe(loaded));
            foreach (var text in Segments)
            {
                var segment = Segment.Compile(text, loaded.Schema);
                var before = segment.Evaluate(table, CustomFactData.Epoch).Members.ToPersonSet();
                var after = segment.Evaluate(loaded, CustomFactData.Epoch).Members.ToPersonSet();
                Assert.Equal(before.Order(), after.Order());
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Fact]
    public void Appends_after_loading_go_on_as_on_the_original()
    {
        var resolver = new IdentifierKeyedPersonResolver();
        var (table, person) = Sample(resolver);
        using var resolverFile = new MemoryStream();
        resolver.Save(resolverFile);
        resolverFile.Position = 0;
        var loaded = MemberTableFileTests.RoundTrip(table, IdentifierKeyedPersonResolver.Load(resolverFile));
        foreach (var t in new[] { table, loaded })
        {
            t.AppendRecord(person, "pageViews", new FactRecord().With("productId", "new"));
            t.SetFact(person, "loyaltyPoints", 7);
            var other = t.Append(new Interaction(Identifier.WebMember("later"), CustomFactData.Epoch, InteractionKind.FriendAdded));
            t.SetFact(other, "tier", "silver");
        }

        Assert.Equal(Describe(table), Describe(loaded));
    }

    [Fact]
    public void A_version_1_file_loads_as_a_table_of_the_built_in_facts()
    {
        var table = new MemberTable();
        var person = table.Append(new Interaction(Identifier.WebMember("W1"), CustomFactData.Epoch, InteractionKind.Clicked));
        table.SetTag(person, "vip");
        var version1 = OlderFormats.Version1(Save(table));

        var loaded = MemberTable.Load(new MemoryStream(version1), new IdentifierKeyedPersonResolver(), TestContext.Current.CancellationToken);

        Assert.False(loaded.Schema.HasCustomFacts);
        Assert.Equal(RandomTables.Describe(table), RandomTables.Describe(loaded));
    }

    [Fact]
    public void A_forgotten_persons_custom_values_are_not_written()
    {
        var (table, person) = Sample();
        var secret = table.Append(new Interaction(Identifier.WebMember("secret"), CustomFactData.Epoch, InteractionKind.FriendAdded));
        table.SetFact(secret, "tier", "tier-of-the-forgotten");
        table.AppendRecord(secret, "pageViews", new FactRecord().With("productId", "viewed-by-the-forgotten"));
        Assert.Contains("forgotten", Encoding.UTF8.GetString(Save(table)), StringComparison.Ordinal);

        table.Forget(secret);
        var text = Encoding.UTF8.GetString(Save(table));

        Assert.DoesNotContain("forgotten", text, StringComparison.Ordinal);
        Assert.Contains("gold", text, StringComparison.Ordinal); // the others' values stay
        Assert.True(MemberTableFileTests.RoundTrip(table).Contains(person));
    }

    public static TheoryData<string, int, string> Contradictions => new()
    {
        { "a string value id past the pool", (int)MemberTableFormat.Section.CustomStrings, "CustomStrings" },
        { "a bool that is neither 0 nor 1", (int)MemberTableFormat.Section.CustomBools, "CustomBools" },
        { "a timestamp past year 9999", (int)MemberTableFormat.Section.CustomLongs, "not a time" },
        { "a negative record count", (int)MemberTableFormat.Section.RecordCounts, "records" },
        { "a set bit past the last person", (int)MemberTableFormat.Section.CustomIsSet, "past the last person" },
        { "a declaration with a reserved name", (int)MemberTableFormat.Section.CustomSchema, "refuses" },
        { "a record string id past the pool", (int)MemberTableFormat.Section.RecordStrings, "RecordStrings" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void A_file_whole_in_its_frames_but_contradicting_itself_in_its_custom_part_is_refused(string what, int kind, string named)
    {
        var (table, _) = Sample();
        var file = Save(table);
        var section = FileSection.Of(file).Single(s => s.Kind == kind);
        Assert.True(section.Length > 0, $"the sample table has no {what} section to damage");
        var damaged = section.Rewritten(file, payload => Contradict((MemberTableFormat.Section)kind, payload));

        var error = Assert.Throws<InvalidDataException>(() => MemberTable.Load(new MemoryStream(damaged), new IdentifierKeyedPersonResolver(), TestContext.Current.CancellationToken));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static void Contradict(MemberTableFormat.Section kind, Span<byte> payload)
    {
        switch (kind)
        {
            case MemberTableFormat.Section.CustomBools:
                payload[0] = 2;
                break;
            case MemberTableFormat.Section.CustomLongs:
                // The long columns are loyaltyPoints then lastVisitAt, one value per person each.
                BinaryPrimitives.WriteInt64LittleEndian(payload[(payload.Length / 2)..], DateTime.MaxValue.Ticks + 1);
                break;
            case MemberTableFormat.Section.RecordCounts:
                BinaryPrimitives.WriteInt32LittleEndian(payload, -1);
                break;
            case MemberTableFormat.Section.CustomIsSet:
                payload[7] |= 0x80;
                break;
            case MemberTableFormat.Section.CustomSchema:
                // "tier" becomes "true": a name of the same length that a schema refuses.
                var at = payload.IndexOf("tier"u8);
                "true"u8.CopyTo(payload[at..]);
                break;
            default:
                BinaryPrimitives.WriteInt32LittleEndian(payload, 1_000);
                break;
        }
    }

    private static (MemberTable Table, PersonId Person) Sample(IdentifierKeyedPersonResolver? resolver = null)
    {
        var table = new MemberTable(resolver ?? new IdentifierKeyedPersonResolver(), CustomFactData.Schema);
        var person = table.Append(new Interaction(Identifier.WebMember("W1"), CustomFactData.Epoch, InteractionKind.FriendAdded));
        table.SetFact(person, "loyaltyPoints", 300);
        table.SetFact(person, "score", 0.75);
        table.SetFact(person, "optedIn", true);
        table.SetFact(person, "tier", "gold");
        table.SetFact(person, "lastVisitAt", CustomFactData.Epoch.AddDays(-3));
        table.AppendRecord(person, "pageViews", new FactRecord().With("at", CustomFactData.Epoch).With("productId", "sku-1").With("liked", true));
        return (table, person);
    }

    private static byte[] Save(MemberTable table)
    {
        using var bytes = new MemoryStream();
        table.Save(bytes, TestContext.Current.CancellationToken);
        return bytes.ToArray();
    }

    /// <summary>The custom facts of every person, as one comparable text.</summary>
    private static string Describe(MemberTable table) => string.Join('\n', table.Persons.Select(person =>
    {
        Assert.True(table.TryGetFacts(person, out var facts));
        var entries = facts.Custom.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value switch
        {
            IReadOnlyList<FactRecord> records => $"{e.Key}=[{string.Join("; ", records)}]",
            IFormattable value => $"{e.Key}={value.ToString(null, CultureInfo.InvariantCulture)}",
            var value => $"{e.Key}={value}",
        });
        return $"{person}: {string.Join(" ", entries)}";
    }));
}
