using System.Runtime.CompilerServices;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>
/// A compiled segment usually lives as long as the application; the member tables it evaluates come and go (a
/// nightly rebuild, say). It must not keep one alive after its owner let go of it.
/// </summary>
public sealed class SegmentLifetimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_compiled_segment_lets_go_of_a_member_table_its_owner_dropped()
    {
        var segment = Segment.Compile("!blocked && lastClickAt > now - days(365)");
        var table = EvaluateOnATableThenDropIt(segment);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(table.TryGetTarget(out _), "The compiled segment still holds the member table it last evaluated.");

        // And it still works on the next table.
        var next = new MemberTable();
        var person = next.Append(new Interaction(Identifier.WebMember("m2"), Now.AddDays(-3), InteractionKind.Clicked));
        Assert.True(segment.Includes(next, person, Now));
    }

    // Not inlined, so that no local of the test method holds the table or what refers to it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<MemberTable> EvaluateOnATableThenDropIt(Segment segment)
    {
        var table = new MemberTable();
        var person = table.Append(new Interaction(Identifier.WebMember("m1"), Now.AddDays(-3), InteractionKind.Clicked));
        Assert.True(segment.Includes(table, person, Now));
        Assert.Single(segment.Evaluate(table, Now).Members);
        return new WeakReference<MemberTable>(table);
    }
}
