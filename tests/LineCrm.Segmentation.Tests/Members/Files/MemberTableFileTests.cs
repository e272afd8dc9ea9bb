using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>
/// Saving and loading the member table: a loaded table says the same of every person as the original, segments
/// select the same persons on both, and both go on the same way when the same writes follow.
/// </summary>
public sealed class MemberTableFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Segment[] Segments =
    [
        Segment.Compile("purchases.exists(p, p.channel == 'store' && p.amount > 100.0)"),
        Segment.Compile("'tag1' in tags || attributes['key1'] == 'value 42'"),
        Segment.Compile("!blocked && lastClickAt > now - days(120)"),
        Segment.Compile("interactions.exists(i, i.campaign == 'camp2') && 'line' in linked"),
        Segment.Compile("purchases.exists(p, 'c3' in p.categories && p.store == 'S1') || totalSpend > 1000.0"),
    ];

    [Fact]
    public void A_loaded_table_holds_the_same_facts_and_selects_the_same_persons() =>
        Prop.ForAll(RandomTables.Ops(), ops =>
        {
            var world = new RandomTables.World();
            foreach (var op in ops)
            {
                world.Apply(op);
            }

            var loaded = RoundTrip(world.Table);
            Assert.Equal(RandomTables.Describe(world.Table), RandomTables.Describe(loaded));
            foreach (var segment in Segments)
            {
                Assert.Equal(
                    segment.Evaluate(world.Table, Now).Members.ToPersonSet(),
                    segment.Evaluate(loaded, Now).Members.ToPersonSet());
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_loaded_table_goes_on_as_the_original_when_the_same_writes_follow() =>
        Prop.ForAll(RandomTables.Ops(), RandomTables.Ops(), (before, after) =>
        {
            var original = new RandomTables.World();
            foreach (var op in before)
            {
                original.Apply(op);
            }

            var resolver = original.Resolver.Copy();
            var loaded = new RandomTables.World(RoundTrip(original.Table, resolver), resolver);
            for (var i = 0; i < before.Length; i++)
            {
                // Replays nothing on the table; only brings the loaded world's operation counter level.
                loaded.Skip();
            }

            foreach (var op in after)
            {
                original.Apply(op);
                loaded.Apply(op);
            }

            Assert.Equal(RandomTables.Describe(original.Table), RandomTables.Describe(loaded.Table));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void An_empty_table_round_trips()
    {
        var loaded = RoundTrip(new MemberTable());
        Assert.Equal(0, loaded.Count);
        Assert.Equal(0, loaded.PurchaseCount);
        Assert.Empty(Segments[0].Evaluate(loaded, Now).Members);
    }

    [Fact]
    public void A_file_read_from_a_stream_that_cannot_seek_loads_the_same()
    {
        var world = new RandomTables.World();
        foreach (var op in RandomTables.Sample(seed: 5, count: 80))
        {
            world.Apply(op);
        }

        using var bytes = new MemoryStream();
        world.Table.Save(new WriteOnlyStream(bytes), TestContext.Current.CancellationToken);
        var loaded = MemberTable.Load(new ForwardOnlyStream(bytes.ToArray()), new IdentifierKeyedPersonResolver(), TestContext.Current.CancellationToken);
        Assert.Equal(RandomTables.Describe(world.Table), RandomTables.Describe(loaded));
    }

    [Fact]
    public void A_file_starts_with_its_magic_bytes_and_version()
    {
        using var bytes = new MemoryStream();
        new MemberTable().Save(bytes, TestContext.Current.CancellationToken);
        var header = bytes.ToArray()[..12];
        Assert.Equal("LCMEMBER"u8.ToArray(), header[..8]);
        Assert.Equal(MemberTable.FileFormatVersion, BitConverter.ToInt32(header, 8));
    }

    [Fact]
    public void Saving_does_not_change_the_table()
    {
        var table = new MemberTable();
        var buyer = table.Append(new Purchase("O1", Identifier.WebMember("W1"), Now, 10m, "JPY", PurchaseChannel.Web));
        var version = table.Version;
        table.Save(new MemoryStream(), TestContext.Current.CancellationToken);
        Assert.Equal(version, table.Version);
        Assert.True(table.Contains(buyer));
    }

    [Fact]
    public void A_cancelled_save_or_load_stops_and_a_cut_short_save_does_not_load()
    {
        var world = new RandomTables.World();
        foreach (var op in RandomTables.Sample(seed: 9, count: 50))
        {
            world.Apply(op);
        }

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var partial = new MemoryStream();
        Assert.Throws<OperationCanceledException>(() => world.Table.Save(partial, cancelled.Token));
        partial.Position = 0;
        Assert.Throws<InvalidDataException>(() => MemberTable.Load(partial, new IdentifierKeyedPersonResolver(), TestContext.Current.CancellationToken));

        var whole = new MemoryStream();
        world.Table.Save(whole, TestContext.Current.CancellationToken);
        whole.Position = 0;
        Assert.Throws<OperationCanceledException>(() => MemberTable.Load(whole, new IdentifierKeyedPersonResolver(), cancelled.Token));
    }

    internal static MemberTable RoundTrip(MemberTable table, IPersonResolver? resolver = null)
    {
        using var bytes = new MemoryStream();
        table.Save(bytes);
        bytes.Position = 0;
        var loaded = MemberTable.Load(bytes, resolver ?? new IdentifierKeyedPersonResolver());
        Assert.Equal(bytes.Length, bytes.Position);
        return loaded;
    }
}
